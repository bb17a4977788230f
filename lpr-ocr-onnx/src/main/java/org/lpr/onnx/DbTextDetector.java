package org.lpr.onnx;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.lpr.core.image.Image;

/**
 * PaddleOCR's DB text detector: a probability map of "text here", thresholded into connected
 * components, each turned into a rotated rectangle and grown back ("unclipped") to the text's size.
 */
final class DbTextDetector implements AutoCloseable {
    /** PaddleOCR's DB settings: threshold 0.3, box_thresh 0.5, unclip_ratio 1.6, 8-connected components. */
    static final Post PPOCR = new Post(0.3f, 0.5f, 1.6, false);
    /** PP-OCR's normalization (ImageNet mean and std), applied to the channels in BGR order. */
    private static final float[][] NORMALIZED = normalization(new double[] {0.485, 0.456, 0.406}, new double[] {0.229, 0.224, 0.225});

    /**
     * How a probability map becomes boxes (DB's post-processing).
     *
     * @param threshold pixels above this probability are text (DB's thresh)
     * @param boxThreshold components whose mean probability is below this are dropped (DB's box_thresh)
     * @param unclipRatio DB shrinks regions when training; each side grows back by area x ratio / perimeter (DB's unclip_ratio)
     * @param fourConnected components join pixels by their 4 side neighbours only, not by corners too
     */
    record Post(float threshold, float boxThreshold, double unclipRatio, boolean fourConnected) {
    }

    /** Each channel's normalized value of every byte, {@code (v / 255 - mean[c]) / std[c]}, computed once per model. */
    static float[][] normalization(double[] mean, double[] std) {
        float[][] lut = new float[3][256];
        for (int c = 0; c < 3; c++) {
            for (int v = 0; v < 256; v++) {
                lut[c][v] = (v / 255f - (float) mean[c]) / (float) std[c];
            }
        }
        return lut;
    }

    private final OrtModel model;

    DbTextDetector(String source, int threads) {
        this.model = new OrtModel(source, threads);
    }

    /** A text box found by the detector, in source image coordinates. */
    record TextBox(Quad quad, double score) {
    }

    /** Finds text boxes in {@code image}, scaled so that its long side is {@code longSide} (a multiple of 32). */
    List<TextBox> detect(Image image, int longSide) {
        Input in = input(image, longSide);
        return boxes(map(in), in.w(), in.h(), (double) image.width() / in.w(), (double) image.height() / in.h());
    }

    /** The model's text probability map of a prepared input, {@code w x h}, row-major. */
    float[] map(Input in) {
        return model.run(in.data().duplicate(), new long[] {1, 3, in.h(), in.w()}).data();
    }

    /** The detector's input tensor: the photo resized to {@code w x h} (long side {@code longSide}), normalized, CHW. */
    record Input(FloatBuffer data, int w, int h) {
    }

    /** The probability map's height over {@code image}'s height at {@code longSide}: map pixels per image pixel, vertically. */
    static double mapScale(Image image, int longSide) {
        return (double) inputSide(image.height(), image, longSide) / image.height();
    }

    /** The detector's input size for one side of {@code image}: scaled to {@code longSide}, rounded to a multiple of 32. */
    private static int inputSide(int side, Image image, int longSide) {
        double scale = (double) longSide / Math.max(image.width(), image.height());
        return Math.max(32, (int) Math.round(side * scale / 32) * 32);
    }

    /** Resizes and normalizes {@code image} as the detector expects (also used to calibrate the int8 detector). */
    static Input input(Image image, int longSide) {
        int w = inputSide(image.width(), image, longSide);
        int h = inputSide(image.height(), image, longSide);
        Image resized = Warp.resize(image, w, h);
        FloatBuffer input = FloatBuffer.allocate(3 * w * h);
        toChw(resized, NORMALIZED, false, input.array(), w, h);
        return new Input(input, w, h);
    }

    /**
     * Writes {@code image}'s pixels, normalized by {@code lut} (one table per tensor channel), into the
     * top-left corner of a {@code 3 x planeH x planeW} tensor; the rest of {@code data} is left as it is.
     *
     * @param rgb tensor channel 0 is red (else blue, the order of the image's bytes)
     */
    static void toChw(Image image, float[][] lut, boolean rgb, float[] data, int planeW, int planeH) {
        byte[] px = image.bgr();
        int w = image.width();
        int h = image.height();
        int plane = planeW * planeH;
        for (int c = 0; c < 3; c++) {
            float[] table = lut[c];
            int src = rgb ? 2 - c : c;
            for (int y = 0; y < h; y++) {
                int o = c * plane + y * planeW;
                for (int x = 0, j = y * w * 3 + src; x < w; x++, j += 3) {
                    data[o + x] = table[px[j] & 0xff];
                }
            }
        }
    }

    /** Post-processes a {@code w x h} probability map into boxes scaled by {@code sx, sy}, with PaddleOCR's settings. */
    static List<TextBox> boxes(float[] prob, int w, int h, double sx, double sy) {
        return boxes(prob, w, h, sx, sy, PPOCR);
    }

    /** Post-processes a {@code w x h} probability map into boxes scaled by {@code sx, sy}, with {@code post}'s settings. */
    static List<TextBox> boxes(float[] prob, int w, int h, double sx, double sy, Post post) {
        float threshold = post.threshold();
        int[] label = new int[w * h];
        int[] stack = new int[w * h];
        List<TextBox> found = new ArrayList<>();
        int next = 0;
        for (int start = 0; start < w * h; start++) {
            if (label[start] != 0 || prob[start] <= threshold) {
                continue;
            }
            next++;
            int top = 0;
            stack[top++] = start;
            label[start] = next;
            double sum = 0;
            int count = 0;
            // row extents of the component: its hull only needs each row's two ends
            int minRow = h;
            int maxRow = -1;
            int[] rowMin = null;
            int[] rowMax = null;
            List<int[]> pixels = new ArrayList<>();
            while (top > 0) {
                int p = stack[--top];
                sum += prob[p];
                count++;
                int x = p % w;
                int y = p / w;
                pixels.add(new int[] {x, y});
                for (int dy = -1; dy <= 1; dy++) {
                    int ny = y + dy;
                    if (ny < 0 || ny >= h) {
                        continue;
                    }
                    for (int dx = -1; dx <= 1; dx++) {
                        int nx = x + dx;
                        if (nx < 0 || nx >= w || (dx == 0 && dy == 0) || (post.fourConnected() && dx != 0 && dy != 0)) {
                            continue;
                        }
                        int q = ny * w + nx;
                        if (label[q] == 0 && prob[q] > threshold) {
                            label[q] = next;
                            stack[top++] = q;
                        }
                    }
                }
            }
            if (count < 4 || sum / count < post.boxThreshold()) {
                continue;
            }
            for (int[] q : pixels) {
                minRow = Math.min(minRow, q[1]);
                maxRow = Math.max(maxRow, q[1]);
            }
            rowMin = new int[maxRow - minRow + 1];
            rowMax = new int[maxRow - minRow + 1];
            java.util.Arrays.fill(rowMin, Integer.MAX_VALUE);
            java.util.Arrays.fill(rowMax, -1);
            for (int[] q : pixels) {
                int r = q[1] - minRow;
                rowMin[r] = Math.min(rowMin[r], q[0]);
                rowMax[r] = Math.max(rowMax[r], q[0]);
            }
            double[] pts = new double[rowMin.length * 8];
            for (int r = 0; r < rowMin.length; r++) {
                int y = r + minRow;
                int o = r * 8;
                pts[o] = rowMin[r];
                pts[o + 1] = y;
                pts[o + 2] = rowMax[r] + 1;
                pts[o + 3] = y;
                pts[o + 4] = rowMin[r];
                pts[o + 5] = y + 1;
                pts[o + 6] = rowMax[r] + 1;
                pts[o + 7] = y + 1;
            }
            Quad q = MinAreaRect.of(pts);
            if (Math.min(q.width(), q.height()) < 2) {
                continue;
            }
            double area = q.width() * q.height();
            double perimeter = 2 * (q.width() + q.height());
            double d = area * post.unclipRatio() / perimeter;
            Quad grown = q.grown(d, d);
            found.add(new TextBox(grown.scaled(sx, sy), sum / count));
        }
        return found;
    }

    @Override
    public void close() {
        model.close();
    }
}
