package org.lpr.onnx;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateReading.Flag;
import org.lpr.onnx.DbTextDetector.TextBox;
import org.lpr.onnx.TextLines.Line;

/**
 * Reads plate crops: finds the text lines of each crop with the DB detector (or takes the whole crop
 * as one line), reads the lines that can change the result (tallest first, see {@link #analyse}), takes
 * the tallest plate-like line that is no legend as the serial (or the tallest line when it towers over that one,
 * {@link #OVERSIZE}), decodes it k-best over the plate alphabet, tells the state from the other lines (the legend),
 * or, with legend bands on (the recognizers' default), where none matched a legend from the bands above and below the
 * serial ({@link #band}; not in crops cut from a photo), and rescores the readings with that state's serial formats.
 */
final class PlateReader implements CropReader {
    /** A line this much shorter than the serial, beside it, is small side characters. */
    private static final double SMALL_RATIO = 0.75;
    /** A second line at least this tall, relative to the serial, makes a stacked plate. */
    private static final double STACKED_RATIO = 0.8;
    /**
     * A line that reads as a legend is still the serial when it is the tallest and this many times as tall as the line
     * that would be the serial instead: state names and slogans are printed at most about half as tall as the serial
     * (a third to a half on US plates), so such a line is a serial that spells one.
     */
    private static final double OVERSIZE = 1.5;
    private static final int BEAM = 16;
    private static final int K = 10;
    private static final int MAX_LINE_FINDER_SIDE = 960;

    private final TextReader reader;
    private final DbTextDetector lineFinder;
    private final int lineFinderHeight;
    private final FormatRescorer rescorer;
    private final Legends legends = Legends.standard();
    private final boolean everyLine;
    private final double sceneLinesMinHeight;
    private final boolean legendBands;

    /**
     * The height crops are scaled to for line finding unless set otherwise (see {@code OnnxPlateRecognizer.Builder}):
     * 160, or {@code -Dlpr.onnx.lineFinderHeight}; lower is faster (96: about a fifth off the ensemble's
     * time a crop) and read the dev crops slightly worse (module README). Crops taller than that are
     * shown larger still ({@link #lineFinderTarget}).
     */
    static final int LINE_FINDER_HEIGHT = Integer.getInteger("lpr.onnx.lineFinderHeight", 160);

    /**
     * The least height, in the photo detector's map pixels, at which a crop it cut ({@link SceneLines}) is
     * read with the detector's own text boxes, without a second DB pass: by default the line finder's own
     * height ({@code lineFinderHeight}), so the boxes are taken only where DB saw the crop at least as large
     * as the line finder would show it; {@code -Dlpr.onnx.sceneLinesMinHeight=N} sets another (0: always).
     * Smaller crops go through the line finder: on a photo shrunk for detection DB's boxes of small text
     * swell to twice the characters' height and miss legends, and even at full resolution a small plate's
     * lines are found better enlarged (module README, *Speed, fourth round*).
     *
     * @throws LprException when the property is not a number of at least 0
     */
    static double sceneLinesMinHeight(int lineFinderHeight) {
        String v = System.getProperty("lpr.onnx.sceneLinesMinHeight");
        if (v == null) {
            return lineFinderHeight;
        }
        double height;
        try {
            height = Double.parseDouble(v.trim());
        } catch (NumberFormatException e) {
            height = Double.NaN;
        }
        if (!(height >= 0)) {
            throw new LprException("-Dlpr.onnx.sceneLinesMinHeight=" + v + " is not a number of at least 0 (map pixels)");
        }
        return height;
    }

    /**
     * What is wrong with a line finder height, or null when it lies in 32..960. Builders report it with
     * their other settings; the ServiceLoader constructors skip {@code build()}, so loading checks again.
     */
    static String lineFinderHeightProblem(int height) {
        return height < 32 || height > 960
                ? "line finder height " + height + " (-Dlpr.onnx.lineFinderHeight or the builder) is outside 32..960"
                : null;
    }

    /** @param rescorer the serial-format rescoring of {@code reader}'s model ({@link FormatRescorer#of}) */
    PlateReader(TextReader reader, DbTextDetector lineFinder, int lineFinderHeight, FormatRescorer rescorer) {
        this(reader, lineFinder, lineFinderHeight, rescorer, false);
    }

    /** @param everyLine read every line found, also those that cannot change the result (the reference the lazy reading is tested against) */
    PlateReader(TextReader reader, DbTextDetector lineFinder, int lineFinderHeight, FormatRescorer rescorer, boolean everyLine) {
        this(reader, lineFinder, lineFinderHeight, rescorer, everyLine, sceneLinesMinHeight(lineFinderHeight));
    }

    /** @param sceneLinesMinHeight see {@link #sceneLinesMinHeight(int)} */
    PlateReader(TextReader reader, DbTextDetector lineFinder, int lineFinderHeight, FormatRescorer rescorer, boolean everyLine,
            double sceneLinesMinHeight) {
        this(reader, lineFinder, lineFinderHeight, rescorer, everyLine, sceneLinesMinHeight, false);
    }

    /**
     * @param legendBands where no line matched a legend, read the bands above and below the serial for one ({@link #readBands}),
     *     except in crops cut from a photo (module README, *Legend bands*)
     */
    PlateReader(TextReader reader, DbTextDetector lineFinder, int lineFinderHeight, FormatRescorer rescorer, boolean everyLine,
            double sceneLinesMinHeight, boolean legendBands) {
        this.legendBands = legendBands;
        this.sceneLinesMinHeight = sceneLinesMinHeight;
        this.everyLine = everyLine;
        this.reader = reader;
        this.lineFinder = lineFinder;
        this.lineFinderHeight = lineFinderHeight;
        this.rescorer = rescorer;
    }

    @Override
    public List<PlateReading> read(List<Image> crops) {
        List<PlateReading> out = new ArrayList<>(crops.size());
        for (Optional<Analysis> a : analyse(crops)) {
            out.add(a.map(x -> finish(x, x.kBest(), rescorer)).orElseGet(PlateReading::empty));
        }
        return out;
    }

    /**
     * What this reader makes of each crop before rescoring: the serial line and its k-best readings, the
     * state told from the other lines, layout flags; empty for a crop where no line reads as a serial.
     *
     * <p>Lines are read lazily, tallest first, in rounds: each round reads the next line every unfinished
     * crop still needs, all crops' lines in one call. A line is read only when its reading can change
     * the result ({@link CropLines#next}): the result is the same as reading every line.
     */
    List<Optional<Analysis>> analyse(List<Image> crops) {
        List<CropLines> pending = new ArrayList<>(crops.size());
        for (Image crop : crops) {
            pending.add(lineFinder == null ? new CropLines(framed(crop), List.of()) : new CropLines(crop, linesOf(crop)));
        }
        List<CropLines> asking = new ArrayList<>();
        List<Integer> indices = new ArrayList<>();
        List<TextReader.Line> jobs = new ArrayList<>();
        while (true) {
            asking.clear();
            indices.clear();
            jobs.clear();
            for (CropLines c : pending) {
                int i = c.next();
                if (i >= 0) {
                    asking.add(c);
                    indices.add(i);
                    jobs.add(c.job(i));
                }
            }
            if (jobs.isEmpty()) {
                break;
            }
            List<TextReader.Scores> scores = reader.read(jobs);
            for (int k = 0; k < asking.size(); k++) {
                CropLines c = asking.get(k);
                int i = indices.get(k);
                c.accept(i, lineText(c.lines.isEmpty() ? null : c.lines.get(i), scores.get(k)));
            }
        }
        if (legendBands) {
            readBands(pending);
        }
        List<Optional<Analysis>> out = new ArrayList<>(crops.size());
        for (CropLines c : pending) {
            out.add(interpret(c.crop, c.lines, c.read, c.band));
        }
        return out;
    }

    /**
     * For each crop whose serial line was found and where no line matched a legend, reads the bands above and below
     * the serial line (the legend and slogan rows, which the line finder may not box whole: Mississippi's flourished
     * name, small blurred legends) and keeps their best legend match (module README, *Legend bands*). Crops this module's
     * photo detectors cut ({@link SceneScreen#cutFromPhoto}) are left out: on the dev photos the bands told no state and
     * cost about 70 % more reading time.
     */
    private void readBands(List<CropLines> pending) {
        if (reader.descriptor().decoding() != OcrModel.Decoding.CTC) {
            return; // a fixed-slot model reads plates, not legends
        }
        List<CropLines> owners = new ArrayList<>();
        List<TextReader.Line> jobs = new ArrayList<>();
        for (CropLines c : pending) {
            // (a serial with any legend match is skipped too, though interpret takes its state only from a full legend
            // reading: so it was measured, rule 27)
            if (c.serial < 0 || c.lines.isEmpty() || c.bestLegend() > 0 || c.read[c.serial].legend.isPresent()
                    || SceneScreen.cutFromPhoto(c.crop)) {
                continue; // a photo's plates are small: their legends a few pixels high (module README, *Legend bands*)
            }
            Quad serial = c.lines.get(c.serial).quad();
            for (int side = -1; side <= 1; side += 2) {
                Quad band = band(serial, side, c.crop.width(), c.crop.height());
                if (band != null) {
                    owners.add(c);
                    jobs.add(TextReader.Line.of(c.crop, band));
                }
            }
        }
        if (jobs.isEmpty()) {
            return;
        }
        List<TextReader.Scores> scores = reader.read(jobs);
        for (int k = 0; k < jobs.size(); k++) {
            TextReader.Scores sc = scores.get(k);
            String text = reader.alphabet(sc.classes())
                    .reduceAndRead(sc.data(), sc.offset(), sc.steps(), sc.classes(), reader.descriptor().blankIndex()).text();
            Optional<Legends.Match> m = legends.match(text);
            CropLines c = owners.get(k);
            if (m.isPresent() && (c.band.isEmpty() || m.get().similarity() > c.band.get().similarity())) {
                c.band = m;
            }
        }
    }

    /**
     * The recognizers' default for legend bands, from {@code -Dlpr.onnx.legendBands} ({@code true} unless set to {@code false}).
     *
     * @throws LprException when the property is neither {@code true} nor {@code false}
     */
    static boolean legendBandsByDefault() {
        return Switch.onUnlessFalse("lpr.onnx.legendBands");
    }

    /** Band height, gap from the serial and width, in serial heights and widths; the least height read (rule 27, module README). */
    private static final double BAND_HEIGHT = 0.5;
    private static final double BAND_GAP = 0.05;
    private static final double BAND_WIDTH = 1.2;
    private static final double BAND_LEAST = 0.2;

    /**
     * The band above ({@code side} -1) or below (+1) {@code serial}, in its frame, cut where the line across the serial's
     * centre leaves a crop of {@code w x h} (sideways it may reach past the edge, whose pixels the warp repeats); null where
     * less than {@link #BAND_LEAST} serial heights of it is inside.
     */
    static Quad band(Quad serial, int side, int w, int h) {
        double sh = serial.height();
        // the direction across the serial towards the side: (-uy, ux) points down in the image
        double dx = -serial.uy() * side;
        double dy = serial.ux() * side;
        double reach = Double.MAX_VALUE;
        if (dx > 1e-9) {
            reach = Math.min(reach, (w - serial.cx()) / dx);
        } else if (dx < -1e-9) {
            reach = Math.min(reach, -serial.cx() / dx);
        }
        if (dy > 1e-9) {
            reach = Math.min(reach, (h - serial.cy()) / dy);
        } else if (dy < -1e-9) {
            reach = Math.min(reach, -serial.cy() / dy);
        }
        double from = serial.halfHeight() + BAND_GAP * sh;
        double to = Math.min(from + BAND_HEIGHT * sh, reach);
        if (to - from < BAND_LEAST * sh) {
            return null;
        }
        return serial.reshaped(0, side * (from + to) / 2, serial.halfWidth() * BAND_WIDTH, (to - from) / 2);
    }

    /**
     * The lines of one crop and those read so far. Which line is needed next follows from what
     * {@link #interpret} does with them: the lines tallest first until one is the serial (each taller
     * line may turn out to be a legend or too short); after it, every line while no legend has matched
     * exactly (a later line could still tell the state), and after an exact match (similarity 1, which
     * no later line can beat) only lines placed where they could raise a layout flag beside the serial.
     */
    private final class CropLines {
        final Image crop;
        final List<Line> lines;
        /** Readings by line index (index 0 the whole crop when no line was found); null where not read. */
        final LineText[] read;
        private int serial = -1;
        private int cursor;
        /** The best legend match of the bands beside the serial ({@link #readBands}), if read. */
        Optional<Legends.Match> band = Optional.empty();

        CropLines(Image crop, List<Line> lines) {
            this.crop = crop;
            this.lines = lines;
            this.read = new LineText[Math.max(1, lines.size())];
        }

        TextReader.Line job(int i) {
            return lines.isEmpty() ? TextReader.Line.whole(crop) : TextReader.Line.of(crop, lines.get(i).quad());
        }

        /** The index of the next line to read, or -1 when the crop is done. */
        int next() {
            while (cursor < read.length) {
                if (read[cursor] == null && needed(cursor)) {
                    return cursor;
                }
                cursor++;
            }
            return -1;
        }

        private boolean needed(int i) {
            if (serial < 0 || everyLine) {
                return true;
            }
            if (bestLegend() < 1) {
                return true;
            }
            return mayFlag(lines.get(serial).quad(), lines.get(i).quad());
        }

        private double bestLegend() {
            double best = 0;
            for (int i = 0; i < read.length; i++) {
                if (i != serial && read[i] != null && read[i].legend.isPresent()) {
                    best = Math.max(best, read[i].legend.get().similarity());
                }
            }
            return best;
        }

        void accept(int i, LineText lt) {
            read[i] = lt;
            if (serial < 0 && isSerial(lt, read.length)) {
                serial = serialOver(i, lines, read);
            }
        }
    }

    /** The reading of {@code line} (null for a whole crop) from the model's scores. */
    private LineText lineText(Line line, TextReader.Scores s) {
        Alphabet a = reader.alphabet(s.classes());
        boolean ctc = reader.descriptor().decoding() == OcrModel.Decoding.CTC;
        Alphabet.Reduced r = a.reduceAndRead(s.data(), s.offset(), s.steps(), s.classes(), ctc ? reader.descriptor().blankIndex() : -1);
        List<Decoded> kBest = ctc ? CtcDecoder.kBest(r.probabilities(), K, BEAM, Plate.MAX_LENGTH) : SlotDecoder.kBest(r.probabilities(), K);
        String full = ctc ? r.text() : "";
        return new LineText(line, full, r.probabilities(), kBest, legends.match(full));
    }

    /**
     * One crop as the line reader saw it.
     *
     * @param serial the serial line's distributions over the plate alphabet ({@code steps x Alphabet.SIZE}, class 0 none)
     * @param kBest the serial's most probable readings, best first
     * @param state the state told from a legend, or unknown
     * @param stateConfidence 0 to 1
     * @param flags stacked or small side characters seen beside the serial
     * @param serialLine where the serial line lies in the crop, or null when the whole crop was read as one line
     */
    record Analysis(double[][] serial, List<Decoded> kBest, Jurisdiction state, double stateConfidence, Set<Flag> flags,
            Quad serialLine) {
    }

    /**
     * The text lines of {@code crop}, tallest first: the photo detector's own boxes where it cut this crop and
     * saw it large enough ({@link #sceneLinesMinHeight(int)}), else found by the line finder.
     */
    private List<Line> linesOf(Image crop) {
        Optional<SceneLines.Boxes> scene = sceneBoxes(crop);
        return scene.isPresent() ? tallestFirst(scene.get().boxes()) : findLines(crop);
    }

    /**
     * What a whole-crop reader (no line finder) reads of {@code crop}: a crop the photo detector cut ({@link SceneLines}) framed
     * around the text line it was cut for, as the ensemble frames one around its serial line ({@link EnsembleReader#plateFrame});
     * any other crop as it is. The detector's crop is a plate outline estimated around that line, looser than the plate crops
     * whole-crop models are trained on (module README, *A whole-crop reader alone on a photo's crops*).
     */
    static Image framed(Image crop) {
        return SceneLines.of(crop).map(b -> EnsembleReader.plateFrame(crop, b.line())).orElse(crop);
    }

    /** The photo detector's boxes of {@code crop} where they replace line finding (see {@link #sceneLinesMinHeight(int)}). */
    Optional<SceneLines.Boxes> sceneBoxes(Image crop) {
        return lineFinder == null ? Optional.empty() : SceneLines.of(crop).filter(b -> b.mapHeight(crop) >= sceneLinesMinHeight);
    }

    private static List<Line> tallestFirst(List<TextBox> boxes) {
        List<Line> lines = new ArrayList<>(TextLines.group(boxes));
        // tallest first: the serial is the largest text on a plate
        lines.sort(Comparator.comparingDouble((Line l) -> l.quad().height()).reversed());
        return lines;
    }

    private List<Line> findLines(Image crop) {
        double scale = lineFinderTarget(crop.height(), lineFinderHeight) / crop.height();
        int longSide = (int) Math.round(Math.max(crop.width(), crop.height()) * scale);
        longSide = Math.max(64, Math.min(MAX_LINE_FINDER_SIDE, (longSide + 31) / 32 * 32));
        return tallestFirst(lineFinder.detect(crop, longSide));
    }

    /**
     * The height a crop {@code cropHeight} pixels high is scaled to for line finding: {@link #UPSCALE} times its
     * own height, at least {@code lineFinderHeight} and at most {@code UPSCALE} times that. Plates are brought
     * to about one height, so their characters reach the detector at about the same size; a crop that
     * already shows the plate at that height or more is still enlarged a little, never shrunk below its
     * pixels: DB then boxes small stacked characters apart from the serial instead of within its line.
     */
    static double lineFinderTarget(int cropHeight, int lineFinderHeight) {
        return Math.max(lineFinderHeight, Math.min(UPSCALE * cropHeight, UPSCALE * lineFinderHeight));
    }

    /**
     * How much larger than its own pixels a crop at least {@code lineFinderHeight} high is shown to the
     * line finder (up to 1.5 times {@code lineFinderHeight}). Before 2026-11-29 crops were scaled to
     * {@code lineFinderHeight} exactly; measured in the module README (*Stacked characters at the serial's ends, and the line
     * finder's scale*).
     */
    static final double UPSCALE = 1.5;

    private record LineText(Line line, String fullText, double[][] reduced, List<Decoded> kBest, Optional<Legends.Match> legend) {
    }

    /**
     * The analysis of one crop from its lines (tallest first) and their readings ({@code null} for a line not read: it
     * could not change the result).
     */
    private Optional<Analysis> interpret(Image crop, List<Line> lines, LineText[] readings, Optional<Legends.Match> band) {
        List<LineText> read = new ArrayList<>();
        // the serial: the tallest line that reads as two or more plate characters and is not a legend, unless the
        // tallest line towers over it (serialOver)
        LineText serial = null;
        for (int i = 0; i < readings.length; i++) {
            LineText lt = readings[i];
            if (lt != null) {
                read.add(lt);
                if (serial == null && isSerial(lt, readings.length)) {
                    serial = readings[serialOver(i, lines, readings)];
                }
            }
        }
        if (serial == null) {
            return Optional.empty();
        }
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        LineText found = serial;
        serial = withoutStackedEnds(crop, found);
        if (serial != found) {
            flags.add(Flag.SMALL_CHARACTERS_IGNORED);
        }
        Jurisdiction state = Jurisdiction.UNKNOWN;
        double stateConfidence = 0;
        for (LineText lt : read) {
            if (lt == found) {
                continue;
            }
            Optional<Legends.Match> m = lt.legend;
            if (m.isPresent() && m.get().similarity() > stateConfidence) {
                state = m.get().state();
                stateConfidence = m.get().similarity();
            } else if (m.isEmpty() && serial.line != null && lt.line != null) {
                flags.addAll(layoutFlags(serial.line, lt));
            }
        }
        if (!state.isKnown() && readings.length > 1 && isLegend(found)) {
            // a serial that spells the state's name (taken by serialOver): no other line told the state, its own name does
            state = found.legend.get().state();
            stateConfidence = found.legend.get().similarity();
        }
        if (!state.isKnown() && band.isPresent()) {
            state = band.get().state();
            stateConfidence = band.get().similarity();
        }
        return Optional.of(new Analysis(serial.reduced, serial.kBest, state, stateConfidence, flags,
                serial.line == null ? null : serial.line.quad()));
    }

    /**
     * {@code serial} without small stacked characters at its ends ({@link StackedEnds}): their timesteps
     * made blank and the line decoded again; {@code serial} itself when it has none, was read as a whole
     * crop, or by a model without a dynamic-width CTC output.
     */
    private LineText withoutStackedEnds(Image crop, LineText serial) {
        OcrModel d = reader.descriptor();
        if (serial.line == null || serial.kBest.isEmpty() || d.decoding() != OcrModel.Decoding.CTC || d.inputWidth() != 0
                || serial.reduced.length == 0) {
            return serial;
        }
        TextReader.Line job = TextReader.Line.of(crop, serial.line.quad());
        int w = reader.lineWidth(job);
        double stepWidth = (double) reader.targetWidth(job) / serial.reduced.length;
        // twice the reader's resolution: the gap between stacked characters is a few pixels
        Image upright = Warp.warp(crop, serial.line.quad().corners(), 2 * w, 2 * d.inputHeight());
        boolean[] drop = StackedEnds.stackedSteps(upright, 2 * stepWidth, serial.reduced, serial.kBest.get(0).text());
        boolean any = false;
        double[][] p = new double[serial.reduced.length][];
        for (int t = 0; t < p.length; t++) {
            if (drop[t]) {
                p[t] = new double[serial.reduced[t].length];
                p[t][0] = 1;
                any = true;
            } else {
                p[t] = serial.reduced[t];
            }
        }
        if (!any) {
            return serial;
        }
        List<Decoded> kBest = CtcDecoder.kBest(p, K, BEAM, Plate.MAX_LENGTH);
        return kBest.isEmpty() || kBest.get(0).text().length() < 2 ? serial
                : new LineText(serial.line, serial.fullText, p, kBest, serial.legend);
    }

    /** The reading of an analysed crop from {@code kBest} (best first), rescored with serial formats by {@code rescorer}. */
    static PlateReading finish(Analysis analysis, List<Decoded> kBest, FormatRescorer rescorer) {
        if (kBest.isEmpty()) {
            return PlateReading.empty();
        }
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        flags.addAll(analysis.flags());
        List<FormatRescorer.Scored> scored = rescorer.rescore(kBest, analysis.state(), K);
        FormatRescorer.Scored best = scored.get(0);
        if (!best.fitsFormat()) {
            flags.add(Flag.NO_FORMAT_MATCH);
        }
        List<Double> charConf = new ArrayList<>();
        double minChar = 1;
        for (double c : best.charConfidences()) {
            charConf.add(Math.max(0, Math.min(1, c)));
            minChar = Math.min(minChar, c);
        }
        if (charConf.size() != best.text().length()) {
            charConf = List.of();
        }
        if (best.confidence() < 0.5 || minChar < 0.5) {
            flags.add(Flag.LOW_QUALITY);
        }
        List<Candidate> candidates = scored.stream().map(s -> new Candidate(s.text(), s.confidence())).toList();
        return new PlateReading(candidates, charConf, analysis.state(), Math.min(1, analysis.stateConfidence() * 0.95), flags);
    }

    /** Whether {@code lt}, one of {@code lineCount} lines, can be the serial: two or more plate characters, and not a legend. */
    private static boolean isSerial(LineText lt, int lineCount) {
        return plateLike(lt) && (lineCount <= 1 || !isLegend(lt));
    }

    private static boolean plateLike(LineText lt) {
        return lt != null && !lt.kBest.isEmpty() && lt.kBest.get(0).text().length() >= 2;
    }

    /**
     * The serial's index when line {@code first} of {@code lines} (tallest first, read as {@code read}) is the tallest
     * that can be the serial: {@code first}, unless the tallest line reads as plate characters and towers over it
     * ({@link #towers}). That line read as a legend, but it is the serial: a vanity serial spelling the state's name
     * ({@code IDAHOHI}) is still the largest text on its plate, where the next line that is no legend is a sticker.
     */
    private static int serialOver(int first, List<Line> lines, LineText[] read) {
        return first > 0 && plateLike(read[0]) && towers(lines, first) ? 0 : first;
    }

    /** Whether the tallest of {@code lines} is at least {@link #OVERSIZE} times as tall as line {@code other}. */
    static boolean towers(List<Line> lines, int other) {
        return lines.get(0).quad().height() >= OVERSIZE * lines.get(other).quad().height();
    }

    private static boolean isLegend(LineText lt) {
        Optional<Legends.Match> m = lt.legend;
        // a legend is all letters in practice; a serial with digits that happens to look like one stays a serial
        return m.isPresent() && m.get().similarity() >= 0.85 && lt.kBest.get(0).text().chars().noneMatch(Character::isDigit);
    }

    /** Stacked lines and small side characters, told from where another line sits relative to the serial. */
    private static Set<Flag> layoutFlags(Line serial, LineText other) {
        Quad s = serial.quad();
        Quad o = other.line.quad();
        boolean plateChars = !other.kBest.isEmpty() && other.kBest.get(0).text().length() >= 1;
        if (!plateChars) {
            return Set.of();
        }
        if (smallBeside(s, o)) {
            return Set.of(Flag.SMALL_CHARACTERS_IGNORED);
        }
        if (stacked(s, o) && other.kBest.get(0).text().length() >= 2) {
            return Set.of(Flag.STACKED_CHARACTERS);
        }
        return Set.of();
    }

    /** Whether a line at {@code o} could raise a layout flag beside the serial at {@code s}, whatever it reads. */
    static boolean mayFlag(Quad s, Quad o) {
        return smallBeside(s, o) || stacked(s, o);
    }

    private static boolean smallBeside(Quad s, Quad o) {
        boolean besideVertically = o.cy() > s.minY() && o.cy() < s.maxY();
        boolean overlapsHorizontally = o.maxX() > s.minX() && o.minX() < s.maxX();
        return besideVertically && !overlapsHorizontally && o.height() < SMALL_RATIO * s.height()
                && Math.max(o.minX() - s.maxX(), s.minX() - o.maxX()) < 1.5 * s.height();
    }

    private static boolean stacked(Quad s, Quad o) {
        boolean besideVertically = o.cy() > s.minY() && o.cy() < s.maxY();
        boolean overlapsHorizontally = o.maxX() > s.minX() && o.minX() < s.maxX();
        return !besideVertically && overlapsHorizontally && o.height() >= STACKED_RATIO * s.height();
    }

    @Override
    public void close() {
        reader.close();
        if (lineFinder != null) {
            lineFinder.close();
        }
    }
}
