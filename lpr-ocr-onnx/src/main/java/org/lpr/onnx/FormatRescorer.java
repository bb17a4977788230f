package org.lpr.onnx;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lpr.core.LprException;
import org.lpr.core.read.Jurisdiction;

/**
 * Rescores k-best readings with the serial formats, softly: readings that fit a format of the plate's
 * state (when it is unknown, of the home state if one is set, else of any state) keep their probability, others are
 * scaled down, and
 * characters that many states print alike (O and 0, I and 1) may be swapped at a small cost so that a
 * format can decide between them. Readings for a state with keying rules ({@link Keying}) are reported as keyed.
 */
final class FormatRescorer {
    /** Factor for a reading that fits no format: vanity plates are real, but rarer than misreads. */
    static final double NO_FORMAT = 0.1;
    /** Cost of swapping glyphs that are printed identically on many plates. */
    private static final double SAME_GLYPH = 0.3;
    /** Cost of swapping glyphs that are merely similar. */
    private static final double SIMILAR_GLYPH = 0.12;
    private static final int MAX_SWAPS = 2;
    /** Cost of dropping an end character, before the factor for its own confidence. */
    private static final double DROP_END = 0.5;

    /** Look-alike characters: for each, the characters it is printed like or confused with. */
    private static final Map<Character, String> ALTERNATIVES = Map.ofEntries(
            Map.entry('0', "ODQ"), Map.entry('O', "0"), Map.entry('D', "0"), Map.entry('Q', "0"),
            Map.entry('1', "I"), Map.entry('I', "1"),
            Map.entry('8', "B"), Map.entry('B', "8"), Map.entry('5', "S"), Map.entry('S', "5"),
            Map.entry('2', "Z"), Map.entry('Z', "2"), Map.entry('6', "G"), Map.entry('G', "6"));

    private final SerialFormats formats;
    private final boolean swaps;
    private final boolean dropEnds;
    private final Keying keying;
    /**
     * The state whose formats count where none is told ({@link Jurisdiction#UNKNOWN}: none, every state's formats count). A
     * reading that fits only another state's formats then keeps {@link #NO_FORMAT} of its probability, as one that fits
     * none: that factor was chosen on renders from 0.1, 0.25 and 0.5 (lpr-ocr-onnx/README.md, *A home state*).
     */
    private final Jurisdiction home;

    /** The rescorer a model descriptor asks for: its formats file, with or without swaps and dropped ends. */
    static FormatRescorer of(OcrModel.Rescoring rescoring) {
        return new FormatRescorer(SerialFormats.of(rescoring), rescoring.swaps(), rescoring.dropEnds());
    }

    FormatRescorer(SerialFormats formats) {
        this(formats, true, true);
    }

    /**
     * @param swaps whether look-alike characters may be swapped so that a format can decide between them
     * @param dropEnds whether an uncertain first or last character may be dropped
     */
    FormatRescorer(SerialFormats formats, boolean swaps, boolean dropEnds) {
        this(formats, swaps, dropEnds, Keying.standard());
    }

    /**
     * A rescorer that reports readings under {@code keying} instead of the module's keying rules.
     *
     * @param keying the keying rules readings are reported under
     */
    FormatRescorer(SerialFormats formats, boolean swaps, boolean dropEnds, Keying keying) {
        this(formats, swaps, dropEnds, keying, Jurisdiction.UNKNOWN);
    }

    private FormatRescorer(SerialFormats formats, boolean swaps, boolean dropEnds, Keying keying, Jurisdiction home) {
        this.keying = keying;
        this.formats = formats;
        this.swaps = swaps;
        this.dropEnds = dropEnds;
        this.home = home;
    }

    /** A rescored reading: text, confidence (0 to 1), per-character confidence, whether it fits a format. */
    record Scored(String text, double confidence, double[] charConfidences, boolean fitsFormat) {
    }

    /** Rescores {@code kBest} (best first) for a plate of {@code state}; returns at most {@code limit}, best first. */
    List<Scored> rescore(List<Decoded> kBest, Jurisdiction state, int limit) {
        Map<String, double[]> score = new LinkedHashMap<>();
        Map<String, double[]> charConf = new LinkedHashMap<>();
        double beamMass = 0;
        for (int r = 0; r < kBest.size(); r++) {
            Decoded d = kBest.get(r);
            beamMass += d.probability();
            add(score, charConf, d.text(), d.probability(), d.charConfidences());
            if (r < 3 && swaps) {
                expand(score, charConf, d, 0, d.text().toCharArray(), d.probability(), 0);
            }
            if (r < 3 && dropEnds) {
                dropEnds(score, charConf, d);
            }
        }
        if (keying.applies(state)) {
            // readings that differ only in characters the state does not issue are one keyed reading; it keeps the larger
            // score, as a text reached twice does (add), since a swap's copy of a reading would otherwise count it twice
            Map<String, double[]> keyedScore = new LinkedHashMap<>();
            Map<String, double[]> keyedConf = new LinkedHashMap<>();
            for (Map.Entry<String, double[]> e : score.entrySet()) {
                add(keyedScore, keyedConf, keying.key(e.getKey(), state), e.getValue()[0], charConf.get(e.getKey()));
            }
            score = keyedScore;
            charConf = keyedConf;
        }
        // the home state's formats where none is told
        Jurisdiction formatState = state.isKnown() || !home.isKnown() ? state : home;
        List<Scored> out = new ArrayList<>();
        double total = 0;
        for (Map.Entry<String, double[]> e : score.entrySet()) {
            boolean fits = formats.matches(e.getKey(), formatState);
            double s = e.getValue()[0] * (fits ? 1 : NO_FORMAT);
            total += s;
            out.add(new Scored(e.getKey(), s, charConf.get(e.getKey()), fits));
        }
        // the beam's missing mass stands for readings never enumerated
        double z = total + Math.max(0, 1 - beamMass) * NO_FORMAT;
        List<Scored> normalized = new ArrayList<>();
        for (Scored s : out) {
            normalized.add(new Scored(s.text(), Math.min(1, s.confidence() / z), s.charConfidences(), s.fitsFormat()));
        }
        normalized.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        return normalized.subList(0, Math.min(limit, normalized.size()));
    }

    /**
     * This rescorer with a home state: where a plate's state is not told, readings are rescored by {@code home}'s formats
     * (a reading that fits only another state's keeps {@link #NO_FORMAT} of its probability and is reported as fitting
     * no format, as OpenALPR's {@code --pattern} does); a told state is used as before, and keying rules apply only to a
     * told state. {@link Jurisdiction#UNKNOWN}: no home state. A home state without formats is an error, not silently none.
     */
    FormatRescorer withHome(Jurisdiction home) {
        if (home.isKnown() && !formats.knows(home)) {
            throw new LprException(homeProblem(home));
        }
        return new FormatRescorer(formats, swaps, dropEnds, keying, home);
    }

    /** What is wrong with {@code home} as the home state of a recognizer rescoring by {@code rescoring}, or null. */
    static String homeStateProblem(Jurisdiction home, OcrModel.Rescoring rescoring) {
        return home.isKnown() && !SerialFormats.of(rescoring).knows(home) ? homeProblem(home) : null;
    }

    private static String homeProblem(Jurisdiction home) {
        return "home state " + home.code() + " has no serial formats to read plates by";
    }

    /** The home state {@code -Dlpr.onnx.homeState} names (a postal code such as CA), or {@link Jurisdiction#UNKNOWN} where unset. */
    static Jurisdiction homeStateProperty() {
        String v = System.getProperty("lpr.onnx.homeState", "").strip();
        if (v.isEmpty()) {
            return Jurisdiction.UNKNOWN;
        }
        Jurisdiction j = Jurisdiction.tryParse(v).filter(Jurisdiction::isKnown).orElseThrow(() -> new LprException(
                "-Dlpr.onnx.homeState=" + v + " is not a state or province code (such as CA)"));
        if (!SerialFormats.standard().knows(j)) {
            throw new LprException("-Dlpr.onnx.homeState=" + v + ": " + homeProblem(j));
        }
        return j;
    }

    /**
     * A sticker, a frame's edge or a small side character read as a character lands at either end of
     * the serial; readings without an uncertain first or last character are added, at a cost that
     * grows with the dropped character's confidence.
     */
    private static void dropEnds(Map<String, double[]> score, Map<String, double[]> charConf, Decoded d) {
        String t = d.text();
        double[] c = d.charConfidences();
        if (t.length() < 5 || c.length != t.length()) {
            return;
        }
        add(score, charConf, t.substring(1), d.probability() * DROP_END * (1 - c[0]), java.util.Arrays.copyOfRange(c, 1, c.length));
        add(score, charConf, t.substring(0, t.length() - 1), d.probability() * DROP_END * (1 - c[c.length - 1]),
                java.util.Arrays.copyOf(c, c.length - 1));
    }

    private void expand(Map<String, double[]> score, Map<String, double[]> charConf, Decoded d, int from, char[] text,
            double p, int swaps) {
        if (swaps == MAX_SWAPS) {
            return;
        }
        for (int i = from; i < text.length; i++) {
            String alts = ALTERNATIVES.get(text[i]);
            if (alts == null) {
                continue;
            }
            char orig = text[i];
            for (char alt : alts.toCharArray()) {
                boolean same = (orig == '0' && alt == 'O') || (orig == 'O' && alt == '0') || (orig == '1' && alt == 'I') || (orig == 'I' && alt == '1');
                double q = p * (same ? SAME_GLYPH : SIMILAR_GLYPH);
                text[i] = alt;
                double[] conf = d.charConfidences().clone();
                for (int k = 0; k < text.length && k < conf.length; k++) {
                    if (text[k] != d.text().charAt(k)) {
                        conf[k] *= same ? 0.5 : 0.3;
                    }
                }
                add(score, charConf, new String(text), q, conf);
                expand(score, charConf, d, i + 1, text, q, swaps + 1);
                text[i] = orig;
            }
        }
    }

    private static void add(Map<String, double[]> score, Map<String, double[]> charConf, String text, double p, double[] conf) {
        double[] s = score.get(text);
        if (s == null) {
            score.put(text, new double[] {p});
            charConf.put(text, conf);
        } else {
            // the same text reached twice (read, and by a swap): keep the more probable derivation
            if (p > s[0]) {
                s[0] = p;
                charConf.put(text, conf);
            }
        }
    }
}
