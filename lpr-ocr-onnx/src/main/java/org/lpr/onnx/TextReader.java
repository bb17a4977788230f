package org.lpr.onnx;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.lpr.core.image.Image;

/**
 * Runs a recognition model described by an {@link OcrModel} on text lines, in batches, and returns
 * each line's output distributions.
 */
final class TextReader implements AutoCloseable {
    private final OcrModel descriptor;
    private final OrtModel model;
    private final int batchSize;
    private volatile Alphabet alphabet;

    TextReader(OcrModel descriptor, int threads, int batchSize) {
        this.descriptor = descriptor;
        this.model = new OrtModel(descriptor.source(), threads);
        this.batchSize = batchSize;
    }

    OcrModel descriptor() {
        return descriptor;
    }

    /** A text line to read: a quadrilateral (corners clockwise from top-left) in an image. */
    record Line(Image image, double[] corners, double width, double height, boolean whole) {
        static Line whole(Image image) {
            return new Line(image, new double[] {0, 0, image.width(), 0, image.width(), image.height(), 0, image.height()},
                    image.width(), image.height(), true);
        }

        static Line of(Image image, Quad q) {
            return new Line(image, q.corners(), q.width(), q.height(), false);
        }
    }

    /** The model's output for one line: {@code steps x classes} scores at {@code offset} of {@code data}. */
    record Scores(float[] data, int offset, int steps, int classes) {
    }

    /** Dynamic input widths are rounded up to a multiple of this, so ONNX Runtime sees few distinct shapes. */
    static final int WIDTH_STEP = 32;
    /** Whole crops (no line finding) are padded to at least this width. */
    static final int WHOLE_CROP_MIN_WIDTH = 320;

    /**
     * Reads every line; lines of the same input width (a multiple of {@link #WIDTH_STEP}) go through
     * the model together, at most {@code batchSize} at a time, each at its own width rather than padded
     * to a batch's widest; results are in input order.
     */
    List<Scores> read(List<Line> lines) {
        Scores[] out = new Scores[lines.size()];
        Map<Integer, List<Integer>> byWidth = new TreeMap<>();
        for (int i = 0; i < lines.size(); i++) {
            byWidth.computeIfAbsent(targetWidth(lines.get(i)), w -> new ArrayList<>()).add(i);
        }
        for (Map.Entry<Integer, List<Integer>> group : byWidth.entrySet()) {
            List<Integer> members = group.getValue();
            for (int start = 0; start < members.size(); start += batchSize) {
                List<Integer> batch = members.subList(start, Math.min(members.size(), start + batchSize));
                List<Scores> scores = readBatch(batch.stream().map(lines::get).toList(), group.getKey());
                for (int i = 0; i < batch.size(); i++) {
                    out[batch.get(i)] = scores.get(i);
                }
            }
        }
        return List.of(out);
    }

    /** The model input width for {@code line}: the descriptor's fixed width, or the line's own at the model's height, bucketed. */
    int targetWidth(Line line) {
        if (descriptor.inputWidth() != 0) {
            return descriptor.inputWidth();
        }
        int w = (lineWidth(line) + WIDTH_STEP - 1) / WIDTH_STEP * WIDTH_STEP;
        if (line.whole()) {
            // a whole crop is padded to PaddleOCR's training width, as PaddleOCR (and the OpenCV backend) read it:
            // its short plate text reads measurably worse without that context
            w = Math.max(WHOLE_CROP_MIN_WIDTH, w);
        }
        return Math.min(descriptor.maxInputWidth(), w);
    }

    /** The width {@code line} is resampled to (its aspect ratio kept); the rest of its input, up to the bucket, is padding. */
    int lineWidth(Line line) {
        if (descriptor.inputWidth() != 0) {
            return descriptor.inputWidth();
        }
        double ratio = line.width() / Math.max(1, line.height());
        int w = (int) Math.ceil(descriptor.inputHeight() * ratio);
        return Math.max(8, Math.min(descriptor.maxInputWidth(), w));
    }

    private List<Scores> readBatch(List<Line> batch, int width) {
        int h = descriptor.inputHeight();
        int channels = descriptor.colour() == OcrModel.Colour.GRAY ? 1 : 3;
        int n = batch.size();
        int per = channels * h * width;
        boolean uint8 = descriptor.pixelType() == OcrModel.PixelType.UINT8;
        float[] floats = uint8 ? null : new float[n * per];
        byte[] bytes = uint8 ? new byte[n * per] : null;
        float mean = descriptor.mean();
        float std = descriptor.std();
        if (!uint8) {
            // padding is the normalized value of mid-grey zero, as PaddleOCR pads
            Arrays.fill(floats, 0f);
        }
        for (int b = 0; b < n; b++) {
            Line line = batch.get(b);
            int w = Math.min(width, lineWidth(line));
            Image img = line.whole() ? Warp.resize(Warp.shrunk(line.image(), w, h), w, h) : Warp.warp(line.image(), line.corners(), w, h);
            byte[] px = img.bgr();
            for (int y = 0; y < h; y++) {
                for (int x = 0; x < w; x++) {
                    int src = (y * w + x) * 3;
                    for (int c = 0; c < channels; c++) {
                        int v;
                        if (channels == 1) {
                            v = (int) Math.round(0.114 * (px[src] & 0xff) + 0.587 * (px[src + 1] & 0xff) + 0.299 * (px[src + 2] & 0xff));
                        } else {
                            v = px[src + (descriptor.colour() == OcrModel.Colour.RGB ? 2 - c : c)] & 0xff;
                        }
                        int idx = descriptor.layout() == OcrModel.Layout.NCHW
                                ? b * per + c * h * width + y * width + x
                                : b * per + (y * width + x) * channels + c;
                        if (uint8) {
                            bytes[idx] = (byte) v;
                        } else {
                            floats[idx] = (v / 255f - mean) / std;
                        }
                    }
                }
            }
        }
        long[] shape = descriptor.layout() == OcrModel.Layout.NCHW
                ? new long[] {n, channels, h, width} : new long[] {n, h, width, channels};
        OrtModel.Output o = uint8 ? model.runBytes(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip(), shape)
                : model.run(FloatBuffer.wrap(floats), shape);
        int steps = (int) o.shape()[o.shape().length - 2];
        int classes = (int) o.shape()[o.shape().length - 1];
        if (o.shape().length == 2) {
            // some fixed-slot exports flatten slots x alphabet
            classes = descriptor.alphabet().size();
            steps = (int) o.shape()[1] / classes;
        }
        List<Scores> out = new ArrayList<>(n);
        for (int b = 0; b < n; b++) {
            out.add(new Scores(o.data(), b * steps * classes, steps, classes));
        }
        return out;
    }

    /** The mapping from this model's classes to plate characters (built on first use, when the class count is known). */
    Alphabet alphabet(int classes) {
        Alphabet a = alphabet;
        if (a == null) {
            int skip = descriptor.decoding() == OcrModel.Decoding.CTC ? descriptor.blankIndex() : -1;
            a = new Alphabet(descriptor.alphabet(), skip, classes);
            alphabet = a;
        }
        return a;
    }

    @Override
    public void close() {
        model.close();
    }
}
