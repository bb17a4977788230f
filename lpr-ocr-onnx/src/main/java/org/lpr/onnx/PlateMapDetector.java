package org.lpr.onnx;

import java.nio.FloatBuffer;
import java.util.List;
import org.lpr.core.RecognitionException;
import org.lpr.core.image.Image;
import org.lpr.onnx.DbTextDetector.TextBox;

/**
 * A plate detector that outputs a plate probability map ({@link PlateDetModel}, the project's
 * {@code plate-det}): the photo is letterboxed into the model's fixed input, and the map turned into plate
 * rectangles by the DB post-processing of {@link DbTextDetector#boxes}. Thread-safe; one session.
 */
final class PlateMapDetector implements AutoCloseable {
    private final PlateDetModel descriptor;
    private final OrtModel model;
    private final float[][] lut;
    private final DbTextDetector.Post post;

    PlateMapDetector(PlateDetModel descriptor, int threads) {
        this.descriptor = descriptor;
        this.lut = DbTextDetector.normalization(array(descriptor.mean()), array(descriptor.std()));
        // plate-det's training measure (train_det.py) joins map pixels by their 4 side neighbours
        this.post = new DbTextDetector.Post((float) descriptor.threshold(), (float) descriptor.boxThreshold(),
                descriptor.unclipRatio(), true);
        this.model = new OrtModel(descriptor.source(), threads);
    }

    /** The plates' rectangles in {@code image}'s coordinates, each with its mean map probability. */
    List<TextBox> detect(Image image) {
        PlateMap m = map(image);
        return DbTextDetector.boxes(m.data(), m.w(), m.h(), m.sx(), m.sy(), post);
    }

    /**
     * The model's plate map of {@code image}: {@code w x h} probabilities, row-major; map pixel {@code (x, y)} covers
     * image pixels from {@code (x sx, y sy)} to {@code ((x + 1) sx, (y + 1) sy)}.
     */
    record PlateMap(float[] data, int w, int h, double sx, double sy) {
    }

    /** Letterboxes {@code image} into the model's input and runs it. */
    PlateMap map(Image image) {
        int w = descriptor.inputWidth();
        int h = descriptor.inputHeight();
        double scale = Math.min((double) w / image.width(), (double) h / image.height());
        int nw = Math.max(1, Math.min(w, (int) Math.round(image.width() * scale)));
        int nh = Math.max(1, Math.min(h, (int) Math.round(image.height() * scale)));
        // halving first keeps a large photo's small plates from aliasing away in a plain bilinear shrink
        Image src = Warp.shrunk(image, nw, nh);
        float[] data = new float[3 * w * h];
        DbTextDetector.toChw(Warp.resize(src, nw, nh), lut, descriptor.colour() == OcrModel.Colour.RGB, data, w, h);
        OrtModel.Output out = model.run(FloatBuffer.wrap(data), new long[] {1, 3, h, w});
        long[] shape = out.shape();
        if (shape.length != 4 || shape[1] != 1 || shape[2] * descriptor.mapScale() != h || shape[3] * descriptor.mapScale() != w) {
            throw new RecognitionException("plate detector " + descriptor.source() + " gave a map of shape " + java.util.Arrays.toString(shape)
                    + ", expected [1, 1, " + h / descriptor.mapScale() + ", " + w / descriptor.mapScale() + "] (map.scale "
                    + descriptor.mapScale() + ")");
        }
        int mw = (int) shape[3];
        int mh = (int) shape[2];
        double sx = (double) descriptor.mapScale() * image.width() / nw;
        double sy = (double) descriptor.mapScale() * image.height() / nh;
        return new PlateMap(out.data(), mw, mh, sx, sy);
    }

    private static double[] array(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Override
    public void close() {
        model.close();
    }
}
