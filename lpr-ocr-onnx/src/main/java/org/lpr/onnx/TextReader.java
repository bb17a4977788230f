package org.lpr.onnx;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
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

    /** Halves {@code image} (2x2 means) while it is over twice {@code w x h}, so the final bilinear resize does not alias. */
    static Image shrunk(Image image, int w, int h) {
        Image img = image;
        while (img.width() > 2 * w && img.height() > 2 * h) {
            img = Warp.halve(img);
        }
        return img;
    }

    /** The model's output for one line: {@code steps x classes} scores at {@code offset} of {@code data}. */
    record Scores(float[] data, int offset, int steps, int classes) {
    }

    /** Reads every line, batching lines of similar width together; results are in input order. */
    List<Scores> read(List<Line> lines) {
        Scores[] out = new Scores[lines.size()];
        Integer[] order = new Integer[lines.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingDouble(i -> targetWidth(lines.get(i))));
        for (int start = 0; start < order.length; start += batchSize) {
            int end = Math.min(order.length, start + batchSize);
            List<Integer> batch = Arrays.asList(order).subList(start, end);
            List<Scores> scores = readBatch(batch.stream().map(lines::get).toList());
            for (int i = 0; i < batch.size(); i++) {
                out[batch.get(i)] = scores.get(i);
            }
        }
        return List.of(out);
    }

    private int targetWidth(Line line) {
        if (descriptor.inputWidth() != 0) {
            return descriptor.inputWidth();
        }
        double ratio = line.width() / Math.max(1, line.height());
        int w = (int) Math.ceil(descriptor.inputHeight() * ratio);
        return Math.max(8, Math.min(descriptor.maxInputWidth(), w));
    }

    private List<Scores> readBatch(List<Line> batch) {
        int h = descriptor.inputHeight();
        int width = descriptor.inputWidth();
        if (width == 0) {
            // PaddleOCR pads every line of a batch to at least 320 px (its training width)
            width = Math.min(descriptor.maxInputWidth(), Math.max(320, batch.stream().mapToInt(this::targetWidth).max().orElse(320)));
            width = (width + 7) / 8 * 8;
        }
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
            int w = Math.min(width, targetWidth(line));
            Image img = line.whole() ? Warp.resize(shrunk(line.image(), w, h), w, h) : Warp.warp(line.image(), line.corners(), w, h);
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
