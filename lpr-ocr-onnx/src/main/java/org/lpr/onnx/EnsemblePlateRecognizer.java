package org.lpr.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.lpr.core.LprException;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.spi.PlateRecognizer;

/**
 * Reads plate crops with three models at once (four on plain crops) and keeps the reading they find most probable together:
 * PaddleOCR's PP-OCRv4 on the text lines found in the crop (which separates the serial from side
 * characters and reads the state's legend), the project's own whole-plate model {@code plate-rec-v3}
 * and, with a smaller say, its compact whole-plate model {@code plate-lite}. On plain plate crops (not on crops cut from
 * a photo) PaddleOCR's PP-OCRv3 reads the serial line too and takes half of the line reader's say
 * ({@link Builder#secondLineShare}).
 *
 * <pre>{@code
 * PlateRecognizer recognizer = EnsemblePlateRecognizer.builder().threads(2).build();
 * }</pre>
 *
 * <p>Every candidate of any model is scored under all of them (the CTC probability of that exact text), the
 * scores are combined as a weighted geometric mean (weights 0.5, 0.15 and 0.35 by default; on plain crops the line
 * reader's 0.5 is PP-OCRv4's 0.25 and PP-OCRv3's 0.25), and the per-state serial formats rescore the
 * result; where the legend says Wyoming, the county number left of the horse, which the line finder misses, is still
 * read ({@link Builder#wyomingCountyNumbers}). See the module README for how it measures. Models load once, on first use; {@link #recognize}
 * and {@link #recognizeAll} are thread-safe. The public no-argument constructor, for
 * {@link java.util.ServiceLoader}, gives the defaults ({@code lpr --recognizer ensemble}).
 */
public class EnsemblePlateRecognizer extends LazyRecognizer implements PlateRecognizer {
    /** The whole-plate model's descriptor resource (plate-rec-v3; plate-rec-v1 and plate-rec-v2, its predecessors, stay shipped for comparison). */
    static final String PLATE_REC = "/org/lpr/onnx/models/plate-rec-v3.properties";
    /** The compact whole-plate model's descriptor resource (plate-lite). */
    static final String PLATE_LITE = "/org/lpr/onnx/models/plate-lite.properties";
    /**
     * The compact model's default weight, chosen on renders by a rule set before measuring: with plate-lite's
     * thirteenth run (trained on specialty plates and picture emblems too) 0.35 reads 2 more of the six render sets
     * than the earlier default (0.25 with the tenth run), and 140 more of those with the far, picture-emblem and
     * specialty sets (module README, "Specialty plates"). 0.25 was chosen in the sixth 2026-11-29 session. The
     * fourteenth run (plate-gothic M and W too) kept 0.35 (module README, "Plate-gothic M and W").
     */
    static final double COMPACT_WEIGHT = 0.35;

    /**
     * The default share of the line reader's O/0 and I/1 probability that is pooled: 0.5, chosen on renders by a rule
     * set before measuring (module README, "Half-pooled look-alikes"); 1 until then, chosen in the first ensemble
     * session beside plate-rec-v1.
     */
    static final double LOOK_ALIKE_MERGE = 0.5;
    /**
     * The prior of a Wyoming county number the line reader did not see ({@link EnsembleReader.Vote}): 1, no cost,
     * chosen on Wyoming renders from 0.1, 0.3 and 1 (lpr-ocr-onnx/README.md, "Wyoming's county number").
     */
    static final double COUNTY_PRIOR = 1.0;
    /**
     * The second line reader's default share of the line reader's weight: 0.5, so PP-OCRv4 and PP-OCRv3 share the line
     * reader's 0.5 evenly, 0.25 each (one setting, not chosen among others; lpr-ocr-onnx/README.md, *A second line reader*).
     */
    static final double SECOND_LINE_SHARE = 0.5;

    /** The default rescoring of combined readings: the module's formats, nothing swapped or dropped. */
    static final OcrModel.Rescoring SCORED = new OcrModel.Rescoring("", false, false);

    private final Builder settings;

    /**
     * The default ensemble: PP-OCRv4 with line finding, plate-rec-v3 and plate-lite (0.5, 0.15, 0.35), and on plain crops
     * PP-OCRv3 on the serial line with half of the line reader's 0.5; threads from {@code -Dlpr.onnx.threads}.
     */
    public EnsemblePlateRecognizer() {
        this(builder());
    }

    private EnsemblePlateRecognizer(Builder builder) {
        super(builder.sceneScreen, builder.threads);
        this.settings = builder.copy();
    }

    /** A new builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String name() {
        return settings.name;
    }

    /** The county prior the reader is built with: {@link #COUNTY_PRIOR}, or 0 where Wyoming's county numbers are off. */
    double countyPrior() {
        return settings.countyNumbers ? COUNTY_PRIOR : 0;
    }

    /** The second line reader's weight in the geometric mean: its share of the line reader's weight (0: none is loaded). */
    double secondLineWeight() {
        return settings.secondLineShare * settings.lineWeight;
    }

    @Override
    CropReader open() {
        String heightProblem = PlateReader.lineFinderHeightProblem(PlateReader.LINE_FINDER_HEIGHT);
        if (heightProblem != null) {
            throw new LprException(heightProblem);
        }
        double sceneLinesMinHeight = PlateReader.sceneLinesMinHeight(PlateReader.LINE_FINDER_HEIGHT);
        // formats first, then each session closed again if a later one fails: a failed load leaks nothing
        // the line reader's own rescorer is not used on the ensemble's readings: the home state goes to the ensemble's
        FormatRescorer lineRescorer = FormatRescorer.of(settings.lineModel.rescoring());
        FormatRescorer rescorer = FormatRescorer.of(settings.rescoring).withHome(settings.homeState);
        TextReader lineText = new TextReader(settings.lineModel, SESSION_THREADS, 1);
        PlateReader lines = null;
        TextReader whole = null;
        TextReader compact = null;
        TextReader second = null;
        try {
            lines = new PlateReader(lineText, new DbTextDetector(OnnxPlateDetector.Model.FUSED.source, SESSION_THREADS),
                    PlateReader.LINE_FINDER_HEIGHT, lineRescorer, false, sceneLinesMinHeight, settings.legendBands);
            whole = new TextReader(settings.wholeModel, SESSION_THREADS, settings.batchSize);
            compact = settings.compactWeight == 0 ? null
                    : new TextReader(settings.compactModel, SESSION_THREADS, settings.batchSize);
            second = secondLineWeight() == 0 ? null : new TextReader(settings.secondLineModel, SESSION_THREADS, 1);
            return new EnsembleReader(lines, whole, compact, settings.lineWeight, settings.compactWeight, rescorer,
                    settings.lookAlikeMerge, countyPrior(), second, secondLineWeight());
        } catch (RuntimeException e) {
            if (second != null) {
                second.close();
            }
            if (compact != null) {
                compact.close();
            }
            if (whole != null) {
                whole.close();
            }
            if (lines != null) {
                lines.close();
            } else {
                lineText.close();
            }
            throw e;
        }
    }

    /** Settings of an ensemble; {@link #build()} reports every invalid one at once. */
    public static final class Builder {
        private OcrModel lineModel;
        private OcrModel wholeModel;
        private OcrModel compactModel;
        private OcrModel secondLineModel;
        private double secondLineShare = Switch.onUnlessFalse("lpr.onnx.secondLine") ? SECOND_LINE_SHARE : 0;
        private double compactWeight = COMPACT_WEIGHT;
        private int threads = Integer.getInteger("lpr.onnx.threads", Runtime.getRuntime().availableProcessors());
        private int batchSize = 1;
        private double lineWeight = 0.5;
        private double lookAlikeMerge = LOOK_ALIKE_MERGE;
        private boolean countyNumbers = true;
        private OcrModel.Rescoring rescoring = SCORED;
        private String name = "ensemble";
        private boolean sceneScreen = SceneScreen.enabledByDefault();
        private Jurisdiction homeState = FormatRescorer.homeStateProperty();
        private boolean legendBands = PlateReader.legendBandsByDefault();

        private Builder() {
        }

        private Builder copy() {
            Builder b = new Builder();
            b.lineModel = lineModel != null ? lineModel : OcrModel.ppOcrV4();
            b.wholeModel = wholeModel != null ? wholeModel : OcrModel.loadResource(PLATE_REC);
            b.compactWeight = compactWeight;
            b.compactModel = compactModel != null || compactWeight == 0 ? compactModel : OcrModel.loadResource(PLATE_LITE);
            b.secondLineShare = secondLineShare;
            b.secondLineModel = secondLineModel != null || secondLineShare * lineWeight == 0 ? secondLineModel : OcrModel.ppOcrV3();
            b.threads = threads;
            b.batchSize = batchSize;
            b.lineWeight = lineWeight;
            b.lookAlikeMerge = lookAlikeMerge;
            b.countyNumbers = countyNumbers;
            b.rescoring = rescoring;
            b.name = name;
            b.sceneScreen = sceneScreen;
            b.homeState = homeState;
            b.legendBands = legendBands;
            return b;
        }

        /** The text-line reader, run on the lines found in each crop (default {@link OcrModel#ppOcrV4()}). */
        public Builder lineModel(OcrModel model) {
            this.lineModel = Objects.requireNonNull(model, "lineModel");
            return this;
        }

        /** The whole-crop CTC plate reader (default plate-rec-v3). */
        public Builder wholeCropModel(OcrModel model) {
            this.wholeModel = Objects.requireNonNull(model, "wholeCropModel");
            return this;
        }

        /** The compact whole-crop CTC plate reader, the third vote (default plate-lite). */
        public Builder compactModel(OcrModel model) {
            this.compactModel = Objects.requireNonNull(model, "compactModel");
            return this;
        }

        /**
         * The compact reader's weight in the geometric mean, 0 to 1 (default 0.35; 0: it is not loaded and the
         * ensemble is the two other models). The whole-crop model has what the line reader's and this leave.
         */
        public Builder compactWeight(double weight) {
            this.compactWeight = weight;
            return this;
        }

        /**
         * The second line reader (default {@link OcrModel#ppOcrV3()}): it reads the serial line the line reader read, on plain
         * plate crops only, and takes {@link #secondLineShare} of the line reader's weight. It must decode CTC (checked even
         * where the share is 0 and it is never loaded).
         */
        public Builder secondLineModel(OcrModel model) {
            this.secondLineModel = Objects.requireNonNull(model, "secondLineModel");
            return this;
        }

        /**
         * The second line reader's share of the line reader's weight, 0 to 1 (default 0.5: with the line weight 0.5, PP-OCRv4
         * and PP-OCRv3 weigh 0.25 each; 0, or {@code -Dlpr.onnx.secondLine=false}: it is not loaded). It reads the serial line
         * of plain plate crops only: crops {@link OnnxPlateDetector} cut from a photo, and crops where no serial line was
         * found, are read without it. On the dev crops it reads 3 more plates for about a tenth more time a crop (module
         * README, *A second line reader*).
         */
        public Builder secondLineShare(double share) {
            this.secondLineShare = share;
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
         * The most whole crops run through the whole-crop model at once (default 1: on ONNX Runtime's CPU
         * provider plate-rec-v1 (the same graph as plate-rec-v2 and v3) costs about 30 % more per crop in batches of 4 to 32 than one at a time, see the module README).
         */
        public Builder batchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /**
         * The line reader's weight in the geometric mean of the models' probabilities, 0 to 1 (default
         * 0.5; the whole-crop model has {@code 1 - weight - compactWeight}).
         */
        public Builder lineWeight(double weight) {
            this.lineWeight = weight;
            return this;
        }

        /**
         * Whether the line reader's O and 0, I and 1 are pooled at all: on keeps a share already set (or the
         * default, 0.5, where none is), off keeps the line reader's own preference. Before the third 2026-11-30
         * session on meant full pooling; {@code lookAlikeMerge(1)} gives that back.
         */
        public Builder mergeLookAlikes(boolean on) {
            this.lookAlikeMerge = on ? (lookAlikeMerge > 0 ? lookAlikeMerge : LOOK_ALIKE_MERGE) : 0;
            return this;
        }

        /**
         * How much of the line reader's O and 0 (and I and 1) probability is pooled, 0 to 1 (default 0.5): 1 makes
         * each pair one glyph, so the plate models and the formats alone decide between them; 0 keeps the line
         * reader's own preference, which a generic text reader draws partly from language.
         */
        public Builder lookAlikeMerge(double share) {
            this.lookAlikeMerge = share;
            return this;
        }

        /**
         * Whether a Wyoming county number the line reader did not see may still be read (default on). Wyoming prints
         * the county's number (1 to 23) left of the bucking horse as part of the plate number; the line finder draws
         * no box around that lone digit, so the line reader reads {@code 339C} on a {@code 4339C} plate. On, where the
         * legend says Wyoming, the whole-crop readers see further left and a reading that starts with a county number
         * is not held back by the line reader's lacking it. Off: the frame is the usual one and the line reader must see
         * every character.
         */
        public Builder wyomingCountyNumbers(boolean on) {
            this.countyNumbers = on;
            return this;
        }

        /**
         * How the combined readings are rescored with serial formats (default: the module's formats for the
         * state told from the legend, without look-alike swaps or dropped ends, whose costs the two models'
         * own probabilities replace).
         */
        public Builder rescoring(OcrModel.Rescoring rescoring) {
            this.rescoring = Objects.requireNonNull(rescoring, "rescoring");
            return this;
        }

        /**
         * Whether, where no text line of a plate crop matched a state's legend, the bands above and below the serial line are
         * read for one (default on, or {@code -Dlpr.onnx.legendBands=false} off). On plate crops it tells more states (dev
         * crops 95.6 to 97.3 %, renders 7,329 to 7,495 of 12,000) for about 3 % more time a dev crop (a third more on
         * blurred renders, where few legends are read). Crops {@link OnnxPlateDetector} cut from a photo are never read so:
         * their small plates' legends are a few pixels high, and on the dev photos the bands told no more states for about
         * 70 % more reading time. It acts where lines are found and read by a CTC line reader (PP-OCRv4 with line finding,
         * the ensemble's line reader), not on whole crops read as one line. See the module README, *Legend bands*.
         */
        public Builder legendBands(boolean on) {
            this.legendBands = on;
            return this;
        }

        /**
         * The state the recognizer mostly sees (default none, or {@code -Dlpr.onnx.homeState=CA}; {@link Jurisdiction#UNKNOWN}:
         * none), as OpenALPR's {@code --pattern}: where a plate's state is not told (its legend is not read, as on most
         * small plates in photos), readings that fit this state's serial formats are preferred to those that fit only
         * another state's. A state read from the legend is used as before, and the reported state stays
         * {@code unknown}: the home state is a prior, not a reading. {@link #build()} refuses a state without serial
         * formats. See the module README, "Legend bands ... and a home state".
         */
        public Builder homeState(Jurisdiction state) {
            this.homeState = Objects.requireNonNull(state, "homeState");
            return this;
        }

        /** The name on the command line (default {@code ensemble}). */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
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

        /** A whole-crop reader (if set) must decode CTC from an input of fixed width: it reads the plate frame whole. */
        private static void checkWholeCrop(String role, OcrModel model, List<String> problems) {
            if (model != null && (model.decoding() != OcrModel.Decoding.CTC || model.inputWidth() == 0)) {
                problems.add(role + " model '" + model.name() + "' must be a CTC model of fixed input width");
            }
        }

        /** Builds the recognizer; the models are loaded on first use. */
        public EnsemblePlateRecognizer build() {
            List<String> problems = new ArrayList<>();
            if (threads < 1 || threads > 256) {
                problems.add("threads " + threads + " is outside 1..256");
            }
            if (batchSize < 1 || batchSize > 1024) {
                problems.add("batch size " + batchSize + " is outside 1..1024");
            }
            String heightProblem = PlateReader.lineFinderHeightProblem(PlateReader.LINE_FINDER_HEIGHT);
            if (heightProblem != null) {
                problems.add(heightProblem);
            }
            if (!(lineWeight >= 0 && lineWeight <= 1)) {
                problems.add("line weight " + lineWeight + " is outside 0..1");
            }
            if (!(compactWeight >= 0 && compactWeight < 1)) {
                problems.add("compact weight " + compactWeight + " is outside 0..1 (1 excluded)");
            } else if (lineWeight + compactWeight > 1) {
                problems.add("line weight " + lineWeight + " and compact weight " + compactWeight + " add up to more than 1");
            }
            if (!(secondLineShare >= 0 && secondLineShare <= 1)) {
                problems.add("second line share " + secondLineShare + " is outside 0..1");
            }
            if (!(lookAlikeMerge >= 0 && lookAlikeMerge <= 1)) {
                problems.add("look-alike merge " + lookAlikeMerge + " is outside 0..1");
            }
            if (name.isBlank()) {
                problems.add("name is blank");
            }
            String homeProblem = FormatRescorer.homeStateProblem(homeState, rescoring);
            if (homeProblem != null) {
                problems.add(homeProblem);
            }
            checkWholeCrop("whole-crop", wholeModel, problems);
            checkWholeCrop("compact", compactModel, problems);
            if (lineModel != null && lineModel.decoding() != OcrModel.Decoding.CTC) {
                problems.add("line model '" + lineModel.name() + "' must be a CTC model");
            }
            if (secondLineModel != null && secondLineModel.decoding() != OcrModel.Decoding.CTC) {
                problems.add("second line model '" + secondLineModel.name() + "' must be a CTC model");
            }
            if (!problems.isEmpty()) {
                throw new LprException("invalid ensemble settings: " + String.join("; ", problems));
            }
            return new EnsemblePlateRecognizer(this);
        }
    }
}
