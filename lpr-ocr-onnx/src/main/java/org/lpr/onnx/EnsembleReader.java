package org.lpr.onnx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.lpr.core.image.Image;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateReading.Flag;
import org.lpr.onnx.PlateReader.Analysis;

/**
 * Reads plate crops with two or three models and weighs every candidate by all of them: a line reader
 * (PaddleOCR with line finding: it keeps the serial apart from small side characters and reads the
 * legend, so it tells the state), a whole-crop plate reader (plate-rec-v3: it knows plate fonts and
 * layouts) and, optionally, a second, compact whole-crop reader with a smaller say (plate-lite). The
 * candidates are the models' k-best readings. Each is scored under every model by the CTC forward
 * algorithm (the probability each model gives that exact text; the line reader's O and 0, I and 1 count
 * as one glyph in part, see {@link #mergeLookAlikes}), and the scores are combined as a weighted geometric mean
 * (a product of experts); then the per-state serial formats rescore them as for a single model. The
 * whole-crop readers read the plate framed around the serial line's characters ({@link #plateFrame}), not a
 * detector's looser crop. Where the line reader finds no serial line (small, blurred plates), the two whole-crop
 * readers decide together, in their ensemble proportion ({@link #combineWhole}). Where the line reader names Wyoming
 * and the county prior is on, the frame reaches further left and the line reader lets a leading county number pass
 * ({@link Vote}). Optionally a second line reader (PP-OCRv3) reads the serial line the line reader read and takes part of
 * its weight ({@link #secondLineVotes}), on plain plate crops only.
 */
final class EnsembleReader implements CropReader {
    private static final int K = 10;
    private static final int BEAM = 16;

    private final PlateReader lines;
    private final TextReader whole;
    /** The compact whole-crop reader, or null. */
    private final TextReader compact;
    private final double lineWeight;
    private final double compactWeight;
    private final FormatRescorer rescorer;
    /** How much of the line reader's O/0 and I/1 probability is pooled (0: none, 1: one glyph). */
    private final double lookAlikeMerge;
    /** The prior of a Wyoming county number the line reader did not see (0: it must see it; see {@link Vote}). */
    private final double countyPrior;
    /** The second line reader of the serial line, or null. */
    private final TextReader secondLine;
    /** The second line reader's weight, taken from the line reader's (0 where there is none). */
    private final double secondLineWeight;

    /** Two models: the line reader with {@code lineWeight}, the whole-crop reader with the rest. */
    EnsembleReader(PlateReader lines, TextReader whole, double lineWeight, FormatRescorer rescorer,
            double lookAlikeMerge) {
        this(lines, whole, null, lineWeight, 0, rescorer, lookAlikeMerge);
    }

    /**
     * Three models: the line reader with {@code lineWeight}, the compact whole-crop reader (null: none) with
     * {@code compactWeight}, the whole-crop reader with the rest.
     */
    EnsembleReader(PlateReader lines, TextReader whole, TextReader compact, double lineWeight, double compactWeight,
            FormatRescorer rescorer, double lookAlikeMerge) {
        this(lines, whole, compact, lineWeight, compactWeight, rescorer, lookAlikeMerge, 0);
    }

    /** Three models as above, and the prior of a Wyoming county number the line reader did not see (see {@link Vote}). */
    EnsembleReader(PlateReader lines, TextReader whole, TextReader compact, double lineWeight, double compactWeight,
            FormatRescorer rescorer, double lookAlikeMerge, double countyPrior) {
        this(lines, whole, compact, lineWeight, compactWeight, rescorer, lookAlikeMerge, countyPrior, null, 0);
    }

    /**
     * Three models and the county prior as above, and a second line reader (null: none) that reads the serial line of
     * plain plate crops with {@code secondLineWeight} of the line reader's {@code lineWeight} ({@link #secondLineVotes}).
     */
    EnsembleReader(PlateReader lines, TextReader whole, TextReader compact, double lineWeight, double compactWeight,
            FormatRescorer rescorer, double lookAlikeMerge, double countyPrior, TextReader secondLine,
            double secondLineWeight) {
        this.secondLine = secondLine;
        this.secondLineWeight = secondLine == null ? 0 : secondLineWeight;
        this.lookAlikeMerge = lookAlikeMerge;
        this.countyPrior = countyPrior;
        this.lines = lines;
        this.whole = whole;
        this.compact = compact;
        this.lineWeight = lineWeight;
        this.compactWeight = compact == null ? 0 : compactWeight;
        this.rescorer = rescorer;
    }

    @Override
    public List<PlateReading> read(List<Image> crops) {
        List<Optional<Analysis>> analyses = lines.analyse(crops);
        List<TextReader.Line> wholeJobs = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            Quad serial = analyses.get(i).map(Analysis::serialLine).orElse(null);
            wholeJobs.add(TextReader.Line.whole(plateFrame(crops.get(i), serial, frameLeft(analyses.get(i), countyPrior))));
        }
        List<TextReader.Scores> scores = whole.read(wholeJobs);
        // the compact reader reads every crop: beside the line reading, or, where no line was read, beside the whole-crop reader alone
        List<TextReader.Scores> compactScores = compact == null || crops.isEmpty() ? List.of() : compact.read(wholeJobs);
        List<Vote> secondVotes = secondLineVotes(crops, analyses);
        List<PlateReading> out = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            double[][] p = distributions(whole, scores.get(i));
            List<Decoded> wholeBest = CtcDecoder.kBest(p, K, BEAM, Plate.MAX_LENGTH);
            Vote compactVote = null;
            if (compact != null) {
                double[][] pc = distributions(compact, compactScores.get(i));
                compactVote = new Vote(pc, CtcDecoder.kBest(pc, K, BEAM, Plate.MAX_LENGTH), compactWeight);
            }
            Optional<Analysis> a = analyses.get(i);
            if (a.isEmpty()) {
                // no line read as a serial: the whole-crop readers without it
                Analysis alone = new Analysis(p, wholeBest, Jurisdiction.UNKNOWN, 0, EnumSet.noneOf(Flag.class), null);
                List<Decoded> best = compactVote == null ? wholeBest : combineWhole(p, wholeBest, compactVote);
                out.add(PlateReader.finish(alone, best.isEmpty() ? wholeBest : best, rescorer));
            } else {
                List<Decoded> both = combine(a.get(), p, wholeBest, compactVote, secondVotes.get(i));
                // the models agree on no text at all (a line too short to hold any): the plate model alone
                out.add(PlateReader.finish(a.get(), both.isEmpty() ? wholeBest : both, rescorer));
            }
        }
        return out;
    }

    /**
     * The second line reader's vote for each crop, or null: it reads the serial line the line reader read (the same
     * quadrilateral), O/0 and I/1 pooled as the line reader's, with the county prior the line reader has. Only plain
     * plate crops get one: crops {@link OnnxPlateDetector} cut from a photo ({@link SceneScreen#cutFromPhoto}) and crops
     * where no serial line was read get null and are read as without it. On rendered street scenes and on the dev photos
     * PP-OCRv3 made the photo path read fewer plates (lpr-ocr-onnx/README.md, *A second line reader*), and the photo path
     * already takes more time than issue 4 allows.
     */
    private List<Vote> secondLineVotes(List<Image> crops, List<Optional<Analysis>> analyses) {
        if (secondLine == null) {
            return Collections.nCopies(crops.size(), null);
        }
        List<Vote> votes = new ArrayList<>(crops.size());
        List<TextReader.Line> jobs = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < crops.size(); i++) {
            votes.add(null);
            Quad q = analyses.get(i).map(Analysis::serialLine).orElse(null);
            if (q != null && !SceneScreen.cutFromPhoto(crops.get(i))) {
                jobs.add(TextReader.Line.of(crops.get(i), q));
                at.add(i);
            }
        }
        List<TextReader.Scores> scores = jobs.isEmpty() ? List.of() : secondLine.read(jobs);
        for (int j = 0; j < scores.size(); j++) {
            int i = at.get(j);
            double[][] p = distributions(secondLine, scores.get(j));
            if (lookAlikeMerge > 0) {
                p = mergeLookAlikes(p, lookAlikeMerge);
            }
            votes.set(i, new Vote(p, CtcDecoder.kBest(p, K, BEAM, Plate.MAX_LENGTH), secondLineWeight,
                    countyPrior(analyses.get(i).get(), countyPrior)));
        }
        return votes;
    }

    /**
     * Where no line was read: the whole-crop reader's and the compact reader's candidates, each scored under
     * both, their weights in the ensemble's proportion (what the line reader's weight leaves, against the compact
     * one's), best first; a text one of them cannot produce is left out.
     */
    List<Decoded> combineWhole(double[][] wholeScores, List<Decoded> wholeBest, Vote compactVote) {
        double wholeShare = wholeWeight(compactVote.weight());
        double sum = wholeShare + compactVote.weight();
        if (sum <= 0) {
            return wholeBest;
        }
        return weigh(List.of(new Vote(wholeScores, wholeBest, wholeShare / sum),
                new Vote(compactVote.scores(), compactVote.kBest(), compactVote.weight() / sum)));
    }

    /** A whole-crop reader's per-timestep distributions over [A-Z0-9] and the blank. */
    private static double[][] distributions(TextReader reader, TextReader.Scores s) {
        return reader.alphabet(s.classes()).reduce(s.data(), s.offset(), s.steps(), s.classes());
    }

    /**
     * The part of {@code crop} the whole-crop model reads: the plate framed around its serial's characters
     * as the model's training renders frame it, clipped to the crop. The model learned whole plates
     * filling its input, as plate crops show them; a detector's crop of a photo is cut with room for a
     * plate around the serial line's box, and DB's boxes of small, blurred text swell to the whole plate
     * and beyond, so there the plate fills half of the crop or less. The characters' height is therefore
     * measured in the pixels ({@link #characterBand}), not taken from the line's box. The frame is
     * {@link #FRAME_PER_CHARACTERS} character heights tall, centred {@link #FRAME_CENTRE_BELOW} character
     * heights below the characters' centre, {@link #FRAME_ASPECT} times as wide and at least as wide as the
     * serial line; no characters measured, or a frame as large as the crop (a plate crop): the whole crop.
     */
    static Image plateFrame(Image crop, Quad serial) {
        return plateFrame(crop, serial, 0);
    }

    /**
     * How many character heights further left than {@link #plateFrame(Image, Quad)} the whole-crop readers' frame
     * reaches: {@link #COUNTY_FRAME_LEFT} where the line reader names Wyoming and the county prior is on, else 0.
     */
    static double frameLeft(Optional<Analysis> line, double countyPrior) {
        return line.map(a -> countyPrior(a, countyPrior)).orElse(0.0) > 0 ? COUNTY_FRAME_LEFT : 0;
    }

    /** The county prior for the line reader's vote on {@code line}: {@code countyPrior} where it names Wyoming, else 0. */
    static double countyPrior(Analysis line, double countyPrior) {
        return line.state() == Jurisdiction.WY ? countyPrior : 0;
    }

    /**
     * The plate frame as above, reaching {@code leftExtra} character heights further left: on a Wyoming plate the
     * serial line the line finder boxed starts after the county number and the horse, so a frame centred on it
     * would cut the county number off ({@link #COUNTY_FRAME_LEFT}).
     */
    static Image plateFrame(Image crop, Quad serial, double leftExtra) {
        if (serial == null) {
            return crop;
        }
        double[] band = characterBand(crop, serial);
        if (band == null) {
            return crop;
        }
        double ch = band[1] - band[0];
        double h = FRAME_PER_CHARACTERS * ch;
        double w = Math.max(FRAME_ASPECT * h, serial.width());
        double cx = serial.cx();
        double cy = (band[0] + band[1]) / 2 + FRAME_CENTRE_BELOW * ch;
        int x0 = (int) Math.max(0, Math.floor(cx - w / 2 - leftExtra * ch));
        int y0 = (int) Math.max(0, Math.floor(cy - h / 2));
        int x1 = (int) Math.min(crop.width(), Math.ceil(cx + w / 2));
        int y1 = (int) Math.min(crop.height(), Math.ceil(cy + h / 2));
        if (x1 - x0 < 8 || y1 - y0 < 8 || (x0 == 0 && y0 == 0 && x1 == crop.width() && y1 == crop.height())) {
            return crop;
        }
        return crop.crop(x0, y0, x1 - x0, y1 - y0);
    }

    /**
     * The rows the serial's characters fill, top and bottom (exclusive) in crop pixels, or null: within
     * the line's box (the middle {@link #BAND_COLUMNS} of its width), the rows whose horizontal contrast
     * (summed absolute differences of neighbouring pixels' brightness, over 3 rows) stays at least
     * {@link #BAND_LEVEL} of the strongest row's, grown from that row. Character strokes cross a row many
     * times; a plate's border, plain paint and the gaps between text lines do not. A band under
     * {@link #MIN_BAND_OF_LINE} of the line box's height is no serial (a thin stripe of texture) and gives null.
     */
    static double[] characterBand(Image crop, Quad serial) {
        int w = crop.width();
        int y0 = (int) Math.max(0, Math.floor(serial.minY()));
        int y1 = (int) Math.min(crop.height(), Math.ceil(serial.maxY()));
        double margin = (1 - BAND_COLUMNS) / 2 * serial.width();
        int x0 = (int) Math.max(0, Math.floor(serial.minX() + margin));
        int x1 = (int) Math.min(w - 1, Math.ceil(serial.maxX() - margin));
        if (y1 - y0 < 4 || x1 - x0 < 4) {
            return null;
        }
        byte[] bgr = crop.bgr();
        double[] e = new double[y1 - y0];
        for (int y = y0; y < y1; y++) {
            int row = y * w;
            int prev = luma(bgr, row + x0);
            double sum = 0;
            for (int x = x0 + 1; x <= x1; x++) {
                int v = luma(bgr, row + x);
                sum += Math.abs(v - prev);
                prev = v;
            }
            e[y - y0] = sum;
        }
        double[] sm = new double[e.length];
        int peak = 0;
        for (int i = 0; i < e.length; i++) {
            sm[i] = (e[Math.max(0, i - 1)] + e[i] + e[Math.min(e.length - 1, i + 1)]) / 3;
            if (sm[i] > sm[peak]) {
                peak = i;
            }
        }
        if (sm[peak] <= 0) {
            return null;
        }
        double level = BAND_LEVEL * sm[peak];
        int top = peak;
        while (top > 0 && sm[top - 1] >= level) {
            top--;
        }
        int bottom = peak + 1;
        while (bottom < sm.length && sm[bottom] >= level) {
            bottom++;
        }
        if (bottom - top < Math.max(3, MIN_BAND_OF_LINE * serial.height())) {
            return null;
        }
        return new double[] {y0 + top, y0 + bottom};
    }

    private static int luma(byte[] bgr, int pixel) {
        int i = pixel * 3;
        return (29 * (bgr[i] & 0xff) + 150 * (bgr[i + 1] & 0xff) + 77 * (bgr[i + 2] & 0xff)) >> 8;
    }

    /** Frame height over the characters' height: the median over 150 lpr-synth renders (seed 4242, 192 x 96). */
    static final double FRAME_PER_CHARACTERS = 2.9;
    /**
     * How many character heights further left the frame reaches where the line reader names Wyoming and the
     * county prior is on: chosen on Wyoming renders (wy-choose: 0, 1 or 2; 2 read most) with
     * {@link EnsemblePlateRecognizer#COUNTY_PRIOR} (lpr-ocr-onnx/README.md, "Wyoming's county number").
     */
    static final double COUNTY_FRAME_LEFT = 2.0;
    /** Offset of the frame's centre below the characters' centre, in character heights (the renders' median). */
    static final double FRAME_CENTRE_BELOW = -0.065;
    /** Frame width over frame height (the renders' 2:1). */
    static final double FRAME_ASPECT = 2.0;
    /** The middle part of the serial line's width searched for the characters' rows. */
    static final double BAND_COLUMNS = 0.8;
    /** A row belongs to the characters while its contrast is at least this part of the strongest row's. */
    static final double BAND_LEVEL = 0.3;
    /**
     * The characters fill at least this part of their line box's height: DB's box is the characters with
     * a margin or, for small blurred text, at most the whole plate (2 to 2.5 character heights) and a little more.
     */
    static final double MIN_BAND_OF_LINE = 1.0 / 3;

    /**
     * One model's say: its per-timestep distributions, its k-best texts and its weight. A county prior above 0
     * (the line reader on a plate whose legend says Wyoming) lets the model's reading lack a leading county
     * number: Wyoming prints the county's number (1 to 23) left of the bucking horse, part of the plate number, and
     * the line finder draws no box around a lone digit there, so the line reader reads {@code 339C} on a
     * {@code 4339C} plate. A text that starts with a county number then scores the better of itself and the rest
     * of it times the prior.
     */
    record Vote(double[][] scores, List<Decoded> kBest, double weight, double countyPrior) {
        /** A vote without a county prior. */
        Vote(double[][] scores, List<Decoded> kBest, double weight) {
            this(scores, kBest, weight, 0);
        }

        /**
         * How this vote scores {@code text}: the log-probability of the text itself, or, where it starts with a county
         * number and that scores better, of the rest of it times the prior; {@code leftOut} is how many leading
         * characters the better reading lacks (0: none).
         */
        Scored scored(String text) {
            int leftOut = 0;
            double lp = CtcDecoder.logProbability(scores, text);
            for (int n : countyLengths(text)) {
                double without = Math.log(countyPrior) + CtcDecoder.logProbability(scores, text.substring(n));
                if (without > lp) {
                    lp = without;
                    leftOut = n;
                }
            }
            return new Scored(lp, leftOut);
        }

        /**
         * Per-character confidences of {@code text} as {@link #scored} read it: the first {@code leftOut} characters
         * (a county number the model did not see) have the prior (1: the model has no say on them).
         */
        double[] confidences(String text, int leftOut) {
            if (leftOut == 0) {
                return CtcDecoder.confidences(scores, text);
            }
            double[] conf = new double[text.length()];
            Arrays.fill(conf, 0, leftOut, countyPrior);
            double[] rest = CtcDecoder.confidences(scores, text.substring(leftOut));
            System.arraycopy(rest, 0, conf, leftOut, rest.length);
            return conf;
        }

        /** A text's log-probability under a vote, and how many leading characters the scored reading left out. */
        record Scored(double logProbability, int leftOut) {
        }

        /** How many leading characters of {@code text} may be a county number left out (1 for 1 to 9, 2 for 10 to 23), at least two characters left. */
        private int[] countyLengths(String text) {
            if (countyPrior <= 0 || text.length() < 3 || text.charAt(0) < '1' || text.charAt(0) > '9') {
                return new int[0];
            }
            int two = Character.isDigit(text.charAt(1)) ? Integer.parseInt(text.substring(0, 2)) : 0;
            return two >= 10 && two <= 23 && text.length() >= 4 ? new int[] {1, 2} : new int[] {1};
        }
    }

    /** Both models' candidates, each scored under both models, best first; a text one of them cannot produce is left out. */
    List<Decoded> combine(Analysis line, double[][] wholeScores, List<Decoded> wholeBest) {
        return combine(line, wholeScores, wholeBest, null);
    }

    /**
     * The candidates of the line reader, the whole-crop reader and {@code third} (null: none), each scored
     * under every model, best first; a text one of them cannot produce is left out. The whole-crop reader's
     * weight is what the line reader's and the third's leave.
     */
    List<Decoded> combine(Analysis line, double[][] wholeScores, List<Decoded> wholeBest, Vote third) {
        return combine(line, wholeScores, wholeBest, third, null);
    }

    /**
     * As {@link #combine(Analysis, double[][], List, Vote)}, with {@code secondLine} (null: none), a second line
     * reader's vote on the same serial line, whose weight comes out of the line reader's.
     */
    List<Decoded> combine(Analysis line, double[][] wholeScores, List<Decoded> wholeBest, Vote third, Vote secondLine) {
        double[][] lineScores = lookAlikeMerge > 0 ? mergeLookAlikes(line.serial(), lookAlikeMerge) : line.serial();
        double secondWeight = secondLine == null ? 0 : secondLine.weight();
        // a rounding remainder (0.5 - 0.5 x 1.0 is exact, other splits may not be) is no say at all, as in wholeWeight
        double firstWeight = lineWeight - secondWeight < 1e-9 ? 0 : lineWeight - secondWeight;
        List<Vote> votes = new ArrayList<>(4);
        votes.add(new Vote(lineScores, line.kBest(), firstWeight, countyPrior(line, countyPrior)));
        if (secondLine != null) {
            votes.add(secondLine);
        }
        votes.add(new Vote(wholeScores, wholeBest, wholeWeight(third == null ? 0 : third.weight())));
        if (third != null) {
            votes.add(third);
        }
        return weigh(votes);
    }

    /** The whole-crop reader's weight: what the line reader's and {@code thirdWeight} leave; a rounding remainder (0.85 + 0.15) is no say at all, not a veto by a 1e-16 weight. */
    private double wholeWeight(double thirdWeight) {
        double rest = 1 - lineWeight - thirdWeight;
        return rest < 1e-9 ? 0 : rest;
    }

    /**
     * Every vote's candidates, each scored under every vote as a weighted geometric mean of the CTC probabilities
     * (per character likewise for the confidences), best first, at most {@code 2 K}; a text one of them cannot
     * produce is left out.
     */
    private static List<Decoded> weigh(List<Vote> votes) {
        Set<String> texts = new LinkedHashSet<>();
        for (Vote v : votes) {
            v.kBest().forEach(d -> texts.add(d.text()));
        }
        List<Decoded> out = new ArrayList<>(texts.size());
        int[] leftOut = new int[votes.size()];
        for (String t : texts) {
            // a vote of weight 0 has no say: skipped, so its impossibility of a text is no veto (not 0 x -infinity)
            double lp = 0;
            for (int i = 0; i < votes.size(); i++) {
                Vote v = votes.get(i);
                if (v.weight() != 0) {
                    Vote.Scored s = v.scored(t);
                    lp += v.weight() * s.logProbability();
                    leftOut[i] = s.leftOut();
                }
            }
            if (lp == Double.NEGATIVE_INFINITY) {
                continue;
            }
            double[] conf = new double[t.length()];
            Arrays.fill(conf, 1);
            for (int i = 0; i < votes.size(); i++) {
                Vote v = votes.get(i);
                if (v.weight() != 0) {
                    double[] c = v.confidences(t, leftOut[i]);
                    for (int k = 0; k < conf.length; k++) {
                        conf[k] *= Math.pow(c[k], v.weight());
                    }
                }
            }
            out.add(new Decoded(t, Math.exp(lp), conf));
        }
        out.sort(Comparator.comparingDouble(Decoded::probability).reversed());
        return out.subList(0, Math.min(2 * K, out.size()));
    }

    /** Pairs of characters that plates print with one glyph (O and 0, I and 1). */
    private static final char[][] SAME_GLYPH = {{'O', '0'}, {'I', '1'}};

    /**
     * The line reader's distributions with O and 0 (and I and 1) pooled by {@code share}: each of a pair keeps
     * {@code 1 - share} of its own probability and gets {@code share} of the pair's sum (1: one glyph). A generic
     * text reader tells them apart partly by language (a letter inside a word, a digit among digits) and partly
     * by the glyph, which many states print alike; pooled in part, it keeps a say on the glyph (real plates'
     * 1 has a flag, I none) while the plate models, which learned plate fonts and layouts, and the serial formats
     * decide the rest.
     */
    static double[][] mergeLookAlikes(double[][] p, double share) {
        double[][] out = new double[p.length][];
        for (int t = 0; t < p.length; t++) {
            out[t] = p[t].clone();
            for (char[] pair : SAME_GLYPH) {
                int a = Alphabet.reducedOf(pair[0]);
                int b = Alphabet.reducedOf(pair[1]);
                double sum = p[t][a] + p[t][b];
                out[t][a] = (1 - share) * p[t][a] + share * sum;
                out[t][b] = (1 - share) * p[t][b] + share * sum;
            }
        }
        return out;
    }

    @Override
    public void close() {
        try {
            lines.close();
        } finally {
            try {
                whole.close();
            } finally {
                try {
                    if (compact != null) {
                        compact.close();
                    }
                } finally {
                    if (secondLine != null) {
                        secondLine.close();
                    }
                }
            }
        }
    }
}
