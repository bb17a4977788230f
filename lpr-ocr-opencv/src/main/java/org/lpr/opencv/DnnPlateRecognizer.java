package org.lpr.opencv;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lpr.core.RecognitionException;
import org.lpr.core.image.Image;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;

/**
 * Reads plate crops with a CTC recognizer model (by default PaddleOCR PP-OCRv4, the same ONNX file
 * lpr-ocr-onnx runs) on OpenCV DNN, decoded to {@code [A-Z0-9]} with a k-best prefix beam search.
 * Named {@code "opencv-dnn"} for {@code ServiceLoader} and the command line. Thread-safe: each
 * thread borrows its own network from a small pool.
 */
public final class DnnPlateRecognizer implements PlateRecognizer {
    /** The name this recognizer goes by. */
    public static final String NAME = "opencv-dnn";

    private final RecognizerModel model;
    private final NetPool nets;
    private final CtcDecoder decoder;
    private final int maxCandidates;

    /** A recognizer on the default PP-OCRv4 model (what {@code ServiceLoader} makes). */
    public DnnPlateRecognizer() {
        this(builder());
    }

    private DnnPlateRecognizer(Builder b) {
        this.model = b.model == null ? RecognizerModel.ppOcrV4() : b.model;
        byte[] onnx = OnnxInputShape.fix(ModelBytes.read(model.location()), new long[] {1, 3, model.height(), model.width()}, model.name());
        this.nets = new NetPool(onnx, model.name(), b.threads);
        this.decoder = new CtcDecoder(model.labels(), b.beamWidth);
        this.maxCandidates = b.maxCandidates;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public PlateReading recognize(Image crop) {
        return decode(probabilities(crop));
    }

    /** The model's raw per-frame probabilities for a crop, {@code frames x labels}, row-major. */
    float[] probabilities(Image crop) {
        float[] input = Blobs.recognizerInput(crop, model.height(), model.width());
        return nets.run(net -> Blobs.forward(net, input, 1, 3, model.height(), model.width(), out -> {
            if (out.dims() != 3 || out.size(2) != model.labels().size()) {
                throw new RecognitionException(model.name() + ": output has " + out.dims() + " dimensions and "
                        + (out.dims() > 2 ? out.size(2) : -1) + " labels; expected [1, frames, " + model.labels().size() + "]");
            }
        }));
    }

    /** Decodes probabilities from {@link #probabilities(Image)} into a reading. */
    PlateReading decode(float[] probs) {
        int labels = model.labels().size();
        CtcDecoder.Decoded d = decoder.decode(probs, 0, probs.length / labels, labels, maxCandidates);
        if (d.candidates().isEmpty()) {
            return PlateReading.empty();
        }
        Set<PlateReading.Flag> flags = EnumSet.noneOf(PlateReading.Flag.class);
        if (d.characterConfidences().stream().anyMatch(c -> c < 0.5)) {
            flags.add(PlateReading.Flag.LOW_QUALITY);
        }
        return new PlateReading(d.candidates(), d.characterConfidences(), Jurisdiction.UNKNOWN, 0, flags);
    }

    @Override
    public List<PlateReading> recognizeAll(List<Image> crops) {
        // OpenCV 4.9 imports this model only with a fixed batch of one, so crops go one by one
        List<PlateReading> out = new ArrayList<>(crops.size());
        for (Image crop : crops) {
            out.add(recognize(crop));
        }
        return out;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The model this recognizer runs. */
    public RecognizerModel model() {
        return model;
    }

    /** Settings of a {@link DnnPlateRecognizer}; {@link #build()} reports every invalid one at once. */
    public static final class Builder {
        private RecognizerModel model;
        private int threads = Integer.getInteger("lpr.opencv.threads", Runtime.getRuntime().availableProcessors());
        private int beamWidth = 16;
        private int maxCandidates = 10;

        private Builder() {
        }

        /** The recognizer model (default {@link RecognizerModel#ppOcrV4()}). */
        public Builder model(RecognizerModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /** How many threads may run the model at once, each with its own network (default: system property {@code lpr.opencv.threads}, else the processor count). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** Prefixes the beam search keeps per frame (default 16). */
        public Builder beamWidth(int beamWidth) {
            this.beamWidth = beamWidth;
            return this;
        }

        /** Most readings returned per crop (default 10). */
        public Builder maxCandidates(int maxCandidates) {
            this.maxCandidates = maxCandidates;
            return this;
        }

        /** Loads the model and builds the recognizer. */
        public DnnPlateRecognizer build() {
            List<String> problems = new ArrayList<>();
            if (threads < 1 || threads > 256) {
                problems.add("threads " + threads + " is outside 1..256");
            }
            if (beamWidth < 1 || beamWidth > 1000) {
                problems.add("beamWidth " + beamWidth + " is outside 1..1000");
            }
            if (maxCandidates < 1 || maxCandidates > beamWidth) {
                problems.add("maxCandidates " + maxCandidates + " is outside 1..beamWidth (" + beamWidth + ")");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid OpenCV DNN recognizer settings: " + String.join("; ", problems));
            }
            return new DnnPlateRecognizer(this);
        }
    }
}
