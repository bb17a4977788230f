package org.lpr.opencv;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateRegion;
import org.opencv.core.Core;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.MatOfPoint;
import org.opencv.core.Point;
import org.opencv.core.Rect;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Finds plates without any model, for the smallest devices: dark characters on a light plate stand
 * out in a morphological black-hat; their horizontal edges, closed into blobs, give candidate lines
 * of characters; a candidate is kept when it splits into 4 to 9 character-shaped components of
 * similar height on one baseline. Named {@code "opencv-classical"}. Thread-safe (no shared state).
 */
public final class ClassicalPlateDetector implements PlateDetector {
    /** The name this detector goes by. */
    public static final String NAME = "opencv-classical";

    private static final int WORK_WIDTH = 960;
    private static final int MAX_CANDIDATES = 40;
    private static final int MIN_CHARS = 4;
    private static final int MAX_CHARS = 9;

    /** A detector with the default settings. */
    public ClassicalPlateDetector() {
        Natives.load();
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<PlateRegion> detect(Image image) {
        if (image.width() < 32 || image.height() < 16) {
            return List.of();
        }
        Mat src = Mats.of(image);
        Mat gray = new Mat();
        List<Mat> temps = new ArrayList<>();
        try {
            Imgproc.cvtColor(src, gray, Imgproc.COLOR_BGR2GRAY);
            double scale = image.width() > WORK_WIDTH ? (double) WORK_WIDTH / image.width() : 1.0;
            Mat work = gray;
            if (scale < 1) {
                work = new Mat();
                temps.add(work);
                Imgproc.resize(gray, work, new Size(), scale, scale, Imgproc.INTER_AREA);
            }
            List<Line> lines = new ArrayList<>();
            // two kernel sizes: small plates far away and large plates close up
            for (double k : new double[] {1.0, 2.0}) {
                for (Rect r : candidates(work, k)) {
                    Rect inSource = new Rect((int) (r.x / scale), (int) (r.y / scale), (int) Math.ceil(r.width / scale),
                            (int) Math.ceil(r.height / scale));
                    verify(gray, inSource).ifPresent(lines::add);
                }
            }
            return regions(src, lines);
        } finally {
            src.release();
            gray.release();
            temps.forEach(Mat::release);
        }
    }

    /** Bounding boxes of blobs of dense vertical edges on light ground, in {@code gray}'s coordinates. */
    private static List<Rect> candidates(Mat gray, double k) {
        double unit = Math.max(1, gray.cols() / 640.0) * k;
        Mat rectKernel = Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(odd(13 * unit), odd(5 * unit)));
        Mat blackhat = new Mat();
        Mat light = new Mat();
        Mat grad = new Mat();
        Mat hierarchy = new Mat();
        List<MatOfPoint> contours = new ArrayList<>();
        try {
            Imgproc.morphologyEx(gray, blackhat, Imgproc.MORPH_BLACKHAT, rectKernel);
            Imgproc.morphologyEx(gray, light, Imgproc.MORPH_CLOSE, Imgproc.getStructuringElement(Imgproc.MORPH_RECT, new Size(3, 3)));
            Imgproc.threshold(light, light, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
            Imgproc.Sobel(blackhat, grad, CvType.CV_32F, 1, 0, -1);
            Core.absdiff(grad, new org.opencv.core.Scalar(0), grad);
            Core.normalize(grad, grad, 0, 255, Core.NORM_MINMAX);
            grad.convertTo(grad, CvType.CV_8U);
            Imgproc.GaussianBlur(grad, grad, new Size(5, 5), 0);
            Imgproc.morphologyEx(grad, grad, Imgproc.MORPH_CLOSE, rectKernel);
            Imgproc.threshold(grad, grad, 0, 255, Imgproc.THRESH_BINARY | Imgproc.THRESH_OTSU);
            Imgproc.erode(grad, grad, new Mat(), new Point(-1, -1), 2);
            Imgproc.dilate(grad, grad, new Mat(), new Point(-1, -1), 2);
            Core.bitwise_and(grad, light, grad);
            Imgproc.dilate(grad, grad, new Mat(), new Point(-1, -1), 2);
            Imgproc.erode(grad, grad, new Mat(), new Point(-1, -1), 1);
            Imgproc.findContours(grad, contours, hierarchy, Imgproc.RETR_EXTERNAL, Imgproc.CHAIN_APPROX_SIMPLE);
            List<Rect> out = new ArrayList<>();
            contours.sort(Comparator.comparingDouble((MatOfPoint c) -> Imgproc.contourArea(c)).reversed());
            for (MatOfPoint c : contours.subList(0, Math.min(MAX_CANDIDATES, contours.size()))) {
                Rect r = Imgproc.boundingRect(c);
                double aspect = (double) r.width / r.height;
                if (r.height >= 8 && r.width >= 24 && aspect >= 1.2 && aspect <= 10 && r.width <= gray.cols() * 0.8) {
                    out.add(r);
                }
            }
            return out;
        } finally {
            rectKernel.release();
            blackhat.release();
            light.release();
            grad.release();
            hierarchy.release();
            contours.forEach(Mat::release);
        }
    }

    private static double odd(double v) {
        int i = (int) Math.round(v);
        return i % 2 == 0 ? i + 1 : i;
    }

    /** A verified line of characters in source coordinates with its score. */
    private record Line(Rect box, double score, int characters) {
    }

    /** Looks for 4 to 9 aligned character shapes inside the candidate (grown a little). */
    private static java.util.Optional<Line> verify(Mat gray, Rect r) {
        int padX = r.width / 10;
        int padY = r.height / 2;
        int x0 = Math.max(0, r.x - padX);
        int y0 = Math.max(0, r.y - padY);
        int x1 = Math.min(gray.cols(), r.x + r.width + padX);
        int y1 = Math.min(gray.rows(), r.y + r.height + padY);
        if (x1 - x0 < 16 || y1 - y0 < 8) {
            return java.util.Optional.empty();
        }
        Mat roi = gray.submat(new Rect(x0, y0, x1 - x0, y1 - y0));
        Mat bin = new Mat();
        Mat labels = new Mat();
        Mat stats = new Mat();
        Mat centroids = new Mat();
        try {
            Imgproc.threshold(roi, bin, 0, 255, Imgproc.THRESH_BINARY_INV | Imgproc.THRESH_OTSU);
            int n = Imgproc.connectedComponentsWithStats(bin, labels, stats, centroids, 8, CvType.CV_32S);
            int expected = r.height; // the candidate blob is about one character high
            List<int[]> chars = new ArrayList<>();
            for (int i = 1; i < n; i++) {
                int w = (int) stats.get(i, Imgproc.CC_STAT_WIDTH)[0];
                int h = (int) stats.get(i, Imgproc.CC_STAT_HEIGHT)[0];
                int area = (int) stats.get(i, Imgproc.CC_STAT_AREA)[0];
                if (h >= 0.25 * expected && h <= 1.6 * expected && w >= 0.08 * h && w <= 1.0 * h && area >= 0.15 * w * h
                        && h >= 6) {
                    chars.add(new int[] {(int) stats.get(i, Imgproc.CC_STAT_LEFT)[0], (int) stats.get(i, Imgproc.CC_STAT_TOP)[0], w, h});
                }
            }
            return aligned(chars).map(group -> {
                int gx0 = Integer.MAX_VALUE;
                int gy0 = Integer.MAX_VALUE;
                int gx1 = 0;
                int gy1 = 0;
                double meanH = 0;
                for (int[] c : group) {
                    gx0 = Math.min(gx0, c[0]);
                    gy0 = Math.min(gy0, c[1]);
                    gx1 = Math.max(gx1, c[0] + c[2]);
                    gy1 = Math.max(gy1, c[1] + c[3]);
                    meanH += c[3];
                }
                meanH /= group.size();
                double spread = 0;
                for (int[] c : group) {
                    spread += Math.abs(c[3] - meanH);
                }
                spread /= group.size() * meanH;
                double score = Math.max(0, Math.min(1, (0.6 + 0.4 * Math.min(1, group.size() / 7.0)) * (1 - 2 * spread)));
                return new Line(new Rect(x0 + gx0, y0 + gy0, gx1 - gx0, gy1 - gy0), score, group.size());
            }).filter(l -> l.box().width > l.box().height * 1.5);
        } finally {
            roi.release();
            bin.release();
            labels.release();
            stats.release();
            centroids.release();
        }
    }

    /** The largest group of components with similar height and centre line, if it holds 4 to 9 of them. */
    private static java.util.Optional<List<int[]>> aligned(List<int[]> chars) {
        List<int[]> best = List.of();
        for (int[] a : chars) {
            double cy = a[1] + a[3] / 2.0;
            List<int[]> group = new ArrayList<>();
            for (int[] b : chars) {
                double by = b[1] + b[3] / 2.0;
                if (Math.abs(by - cy) <= 0.25 * a[3] && b[3] >= 0.75 * a[3] && b[3] <= 1.33 * a[3]) {
                    group.add(b);
                }
            }
            // the most characters on one line, then the tallest (a plate's number, not its state name)
            if (group.size() >= MIN_CHARS && group.size() <= MAX_CHARS
                    && (best.isEmpty() || group.size() > best.size() || (group.size() == best.size() && a[3] > best.get(0)[3]))) {
                best = group;
            }
        }
        if (best.size() < MIN_CHARS || best.size() > MAX_CHARS) {
            return java.util.Optional.empty();
        }
        // characters of one plate sit close together: no gap wider than two character heights
        best = new ArrayList<>(best);
        best.sort(Comparator.comparingInt(c -> c[0]));
        int h = best.get(0)[3];
        for (int i = 1; i < best.size(); i++) {
            int gap = best.get(i)[0] - (best.get(i - 1)[0] + best.get(i - 1)[2]);
            if (gap > 2 * h) {
                return java.util.Optional.empty();
            }
        }
        return java.util.Optional.of(best);
    }

    private static List<PlateRegion> regions(Mat src, List<Line> lines) {
        lines.sort(Comparator.comparingDouble(Line::score).reversed().thenComparing(l -> -l.box().height));
        List<PlateRegion> out = new ArrayList<>();
        List<Point[]> plates = new ArrayList<>();
        for (Line l : lines) {
            Rect b = l.box();
            Point[] line = {new Point(b.x, b.y), new Point(b.x + b.width, b.y), new Point(b.x + b.width, b.y + b.height), new Point(b.x, b.y + b.height)};
            double cx = b.x + b.width / 2.0;
            double cy = b.y + b.height / 2.0;
            if (plates.stream().anyMatch(p -> cx >= p[0].x && cx <= p[2].x && cy >= p[0].y && cy <= p[2].y)) {
                continue;
            }
            Point[] plate = Quads.scaled(line, DnnPlateDetector.PLATE_WIDTH_PER_LINE, DnnPlateDetector.PLATE_HEIGHT_PER_LINE);
            plates.add(plate);
            // pad the crop as a recognizer expects: a margin of about a third of the character height
            Point[] padded = Quads.scaled(line, 1 + 0.6 * b.height / b.width, 1.6);
            int cropH = Math.max(8, (int) Math.round(Quads.height(padded)));
            int cropW = Math.max(cropH + 1, (int) Math.round(Quads.width(padded)));
            out.add(new PlateRegion(Quads.polygon(plate), l.score(), Quads.warp(src, padded, cropW, cropH)));
        }
        return out;
    }
}
