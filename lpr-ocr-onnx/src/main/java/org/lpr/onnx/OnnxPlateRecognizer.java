package org.lpr.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lpr.core.LprException;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.spi.PlateRecognizer;

/**
 * Reads plate crops with an ONNX text recognition model on ONNX Runtime.
 *
 * <pre>{@code
 * PlateRecognizer recognizer = OnnxPlateRecognizer.builder()
 *     .model(OcrModel.ppOcrV4())   // or OcrModel.load(Path.of("my-model.properties"))
 *     .threads(2)
 *     .build();
 * }</pre>
 *
 * <p>With line finding on (the default for models of dynamic input width) each crop first goes through PaddleOCR's DB
 * text detector, so that the serial is read apart from the state name, slogan and stickers; off, the
 * whole crop is read as one line (faster, for models trained on whole plates), and a crop {@link OnnxPlateDetector}
 * cut from a photo is first framed around the text line it was cut for, as the ensemble frames it.
 *
 * <p>Models are loaded once, on first use; {@link #recognize} and {@link #recognizeAll} are thread-safe.
 * The public no-argument constructor makes the PaddleOCR reader with line finding, for {@link java.util.ServiceLoader}.
 */
public class OnnxPlateRecognizer extends LazyRecognizer implements PlateRecognizer {
    private final Builder settings;

    /** The default recognizer: PaddleOCR PP-OCRv4 with line finding; threads from {@code -Dlpr.onnx.threads}. */
    public OnnxPlateRecognizer() {
        this(builder());
    }

    /** A recognizer with {@code builder}'s settings. */
    protected OnnxPlateRecognizer(Builder builder) {
        super(builder.sceneScreen, builder.threads);
        this.settings = builder.copy();
    }

    /** A new builder with the defaults: PP-OCRv4, line finding on, all cores, one line per model call. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return settings.name != null ? settings.name : settings.model.name() + (settings.findLines ? "" : "-fast");
    }

    @Override
    CropReader open() {
        String heightProblem = settings.findLines ? PlateReader.lineFinderHeightProblem(settings.lineFinderHeight) : null;
        if (heightProblem != null) {
            throw new LprException(heightProblem);
        }
        double sceneLinesMinHeight = PlateReader.sceneLinesMinHeight(settings.lineFinderHeight);
        // before any session: a bad formats file or home state leaks none
        FormatRescorer rescorer = FormatRescorer.of(settings.model.rescoring()).withHome(settings.homeState);
        TextReader text = new TextReader(settings.model, SESSION_THREADS, settings.batchSize);
        try {
            DbTextDetector lines = settings.findLines ? new DbTextDetector(OnnxPlateDetector.Model.FUSED.source, SESSION_THREADS) : null;
            return new PlateReader(text, lines, settings.lineFinderHeight, rescorer, false, sceneLinesMinHeight, settings.legendBands);
        } catch (RuntimeException e) {
            text.close();
            throw e;
        }
    }

    /** The PaddleOCR reader on whole crops, without line finding: faster, less accurate ({@code ppocr-fast}). */
    public static final class WholeCrop extends OnnxPlateRecognizer {
        /** Creates it with default threads. */
        public WholeCrop() {
            super(builder().findLines(false));
        }
    }

    /** Settings of a recognizer; {@link #build()} reports every invalid one at once. */
    public static final class Builder {
        private OcrModel model;
        private int threads = Integer.getInteger("lpr.onnx.threads", Runtime.getRuntime().availableProcessors());
        private int batchSize = Integer.getInteger("lpr.onnx.batch", 1);
        private Boolean findLinesSet;
        private boolean findLines = true;
        private int lineFinderHeight = PlateReader.LINE_FINDER_HEIGHT;
        private String name;
        private boolean sceneScreen = SceneScreen.enabledByDefault();
        private Jurisdiction homeState = FormatRescorer.homeStateProperty();
        private boolean legendBands = PlateReader.legendBandsByDefault();

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.model = model != null ? model : OcrModel.ppOcrV4();
            b.threads = threads;
            b.batchSize = batchSize;
            // a model with a fixed input shape was trained on whole plates; a dynamic width means a text-line reader
            b.findLines = findLinesSet != null ? findLines : b.model.inputWidth() == 0;
            b.findLinesSet = b.findLines;
            b.lineFinderHeight = lineFinderHeight;
            b.name = name;
            b.sceneScreen = sceneScreen;
            b.homeState = homeState;
            b.legendBands = legendBands;
            return b;
        }

        /** The recognition model (default {@link OcrModel#ppOcrV4()}). */
        public Builder model(OcrModel model) {
            this.model = Objects.requireNonNull(model, "model");
            return this;
        }

        /**
         * The most crops of one {@code recognizeAll} call read at once, each on one thread (default: all cores, or
         * {@code -Dlpr.onnx.threads}); every ONNX Runtime session runs on one intra-op thread (a second one made these
         * models no faster on the 2-core machine, module README, *Speed, seventh round*).
         */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /**
         * The most text lines of one input width run through the model at once (default 1, or
         * {@code -Dlpr.onnx.batch}): PP-OCRv4's recognizer on ONNX Runtime's CPU provider costs more per
         * line in a batch than one line at a time (see the module README), so lines are not stacked by default.
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Whether to find text lines in each crop first (default: on for models of dynamic input width, off for fixed-size whole-plate models). */
        public Builder findLines(boolean findLines) {
            this.findLines = findLines;
            this.findLinesSet = findLines;
            return this;
        }

        /**
         * The height, in pixels, crops are scaled to for line finding (default 160: a plate crop of
         * 320 x 160, its serial about 70 px high, is found at its own size, as PaddleOCR does; small
         * plates cut from a photo are scaled up to it).
         */
        public Builder lineFinderHeight(int height) {
            this.lineFinderHeight = height;
            return this;
        }

        /**
         * Whether, where no text line of a plate crop matched a state's legend, the bands above and below the serial line are
         * read for one (default on, or {@code -Dlpr.onnx.legendBands=false} off; never in crops {@link OnnxPlateDetector}
         * cut from a photo; only with line finding on). What it gains and costs: {@link EnsemblePlateRecognizer.Builder#legendBands}.
         */
        public Builder legendBands(boolean on) {
            this.legendBands = on;
            return this;
        }

        /**
         * The state the recognizer mostly sees (default none, or {@code -Dlpr.onnx.homeState=CA}; {@link Jurisdiction#UNKNOWN}:
         * none): where a plate's state is not told, readings are rescored by this state's serial formats; the reported state
         * stays {@code unknown}. {@link #build()} refuses a state without formats. As
         * {@link EnsemblePlateRecognizer.Builder#homeState}, which says more.
         */
        public Builder homeState(Jurisdiction state) {
            this.homeState = Objects.requireNonNull(state, "homeState");
            return this;
        }

        /** The name on the command line (default: the model's name, {@code -fast} without line finding). */
        public Builder name(String name) {
            this.name = name;
            return this;
        }

        /**
         * Whether candidate crops that {@link OnnxPlateDetector}'s text detector (PP-OCRv4, the default) cut from a photo
         * pass the scene screen (default on,
         * or {@code -Dlpr.onnx.sceneScreen=true|false}): a crop whose text line is more than 5 times as wide as
         * tall is not read, and a reading of fewer than 2 characters, or of more than 8 flagged low quality, is
         * dropped (see the module README). Plain crops, and the crops of the {@code plate-det} detector (they carry no
         * text lines), are read as before either way.
         */
        public Builder sceneScreen(boolean on) {
            this.sceneScreen = on;
            return this;
        }

        /** Builds the recognizer; the model is loaded on first use. */
        public OnnxPlateRecognizer build() {
            List<String> problems = new ArrayList<>();
            if (threads < 1 || threads > 256) {
                problems.add("threads " + threads + " is outside 1..256");
            }
            if (batchSize < 1 || batchSize > 1024) {
                problems.add("batch size " + batchSize + " is outside 1..1024");
            }
            String heightProblem = PlateReader.lineFinderHeightProblem(lineFinderHeight);
            if (heightProblem != null) {
                problems.add(heightProblem);
            }
            String homeProblem = FormatRescorer.homeStateProblem(homeState, model != null ? model.rescoring() : OcrModel.Rescoring.STANDARD);
            if (homeProblem != null) {
                problems.add(homeProblem);
            }
            if (!problems.isEmpty()) {
                throw new LprException("invalid recognizer settings: " + String.join("; ", problems));
            }
            return new OnnxPlateRecognizer(this);
        }
    }
}
