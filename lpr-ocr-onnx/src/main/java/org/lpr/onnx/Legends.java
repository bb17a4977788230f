package org.lpr.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.OcrConfusion;

/**
 * Tells the issuing jurisdiction from a plate's legend (state name, slogan, web address) by
 * approximate matching against the names in {@link Jurisdiction} and the slogans in {@code legends.txt}; a look-alike
 * glyph read for the printed one (0 for O, 1 for I) costs half an edit.
 */
final class Legends {
    /** The least similarity (1 - edits / length) that counts as a match. */
    private static final double MIN_SIMILARITY = 0.75;
    /**
     * The cost of reading a glyph's look-alike instead of it, in edits: half an edit, so that a legend read with
     * several O as 0 or I as 1 still matches (set before measuring, not chosen: module README, *Legends read with
     * look-alikes*).
     */
    private static final double LOOK_ALIKE_COST = 0.5;
    /**
     * Glyph classes a text reader confuses: the first six of {@link OcrConfusion#classes()}, the ones every ALPR vendor
     * lists (0 O D Q, 1 I L, 2 Z, 5 S, 6 G, 8 B); 4/A, 7/T and U/V are left out, as the rule measured them.
     */
    private static final List<String> LOOK_ALIKES = OcrConfusion.classes().subList(0, 6);
    /** Each character's look-alike class, 1 + its index in {@link #LOOK_ALIKES}, or 0 (none): one lookup per edit cell. */
    private static final byte[] LOOK_ALIKE_CLASS = new byte[128];

    static {
        for (int c = 0; c < LOOK_ALIKES.size(); c++) {
            for (char ch : LOOK_ALIKES.get(c).toCharArray()) {
                LOOK_ALIKE_CLASS[ch] = (byte) (c + 1);
            }
        }
    }

    private record Key(String letters, Jurisdiction state) {
    }

    /** A match: the jurisdiction and how similar the legend was, 0 to 1. */
    record Match(Jurisdiction state, double similarity) {
    }

    private final List<Key> keys;

    private Legends(List<Key> keys) {
        this.keys = keys;
    }

    static Legends standard() {
        List<Key> keys = new ArrayList<>();
        for (Jurisdiction j : Jurisdiction.values()) {
            if (j.isKnown()) {
                keys.add(new Key(letters(j.displayName()), j));
            }
        }
        for (String line : OcrModel.readLines(OcrModel.CLASSPATH + "/org/lpr/onnx/legends.txt", null)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\t", 2);
            Jurisdiction.tryParse(parts[0]).ifPresent(j -> keys.add(new Key(letters(parts[1]), j)));
        }
        return new Legends(keys);
    }

    /**
     * The best match of {@code text} (any legend found anywhere inside it), if one is close enough: the most similar,
     * a longer legend when about as similar, and a legend holding another one where most of its extra letters were read
     * (then with its own, lower similarity). Each legend is compared with the best so far only, so a text holding two
     * legends may depend on their order in {@code legends.txt}.
     */
    Optional<Match> match(String text) {
        String t = letters(text);
        if (t.length() < 4) {
            return Optional.empty();
        }
        Match best = null;
        String bestLetters = "";
        double bestDistance = 0;
        for (Key k : keys) {
            if (k.letters.length() < 4 || k.letters.length() > t.length() + 3) {
                continue;
            }
            double distance = substringDistance(k.letters, t);
            double sim = 1 - distance / k.letters.length();
            if (sim < MIN_SIMILARITY) {
                continue;
            }
            // of two legends one inside the other (WEST VIRGINIA, VIRGINIA), the longer wins where most of its extra
            // letters were read: its distance exceeds the shorter's by less than half their number (module README,
            // *Nested legends*)
            boolean wins;
            if (best != null && k.letters.length() > bestLetters.length() && k.letters.contains(bestLetters)) {
                wins = extraLettersRead(distance, bestDistance, k.letters.length() - bestLetters.length());
            } else if (best != null && bestLetters.length() > k.letters.length() && bestLetters.contains(k.letters)) {
                wins = !extraLettersRead(bestDistance, distance, bestLetters.length() - k.letters.length());
            } else {
                // a longer legend that matches as well is more specific
                wins = best == null || sim > best.similarity() + 0.02
                        || (sim > best.similarity() - 0.02 && k.letters.length() > bestLetters.length());
            }
            if (wins) {
                best = new Match(k.state, sim);
                bestLetters = k.letters;
                bestDistance = distance;
            }
        }
        return Optional.ofNullable(best);
    }

    static String letters(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toUpperCase(Locale.ROOT).toCharArray()) {
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(c);
            }
        }
        return b.toString();
    }

    /**
     * Whether a legend holding a shorter one read most of its {@code extra} letters: its distance exceeds the
     * shorter's by less than half their number.
     */
    private static boolean extraLettersRead(double longerDistance, double shorterDistance, int extra) {
        return longerDistance - shorterDistance < extra / 2.0;
    }

    /** The cost of reading {@code read} where the legend has {@code printed} (symmetric: 0, a look-alike's or 1). */
    static double substitution(char printed, char read) {
        if (printed == read) {
            return 0;
        }
        int a = printed < 128 ? LOOK_ALIKE_CLASS[printed] : 0;
        return a != 0 && read < 128 && LOOK_ALIKE_CLASS[read] == a ? LOOK_ALIKE_COST : 1;
    }

    /** Edit distance between {@code pattern} and its best matching substring of {@code text}. */
    static double substringDistance(String pattern, String text) {
        int m = pattern.length();
        double[] prev = new double[m + 1];
        double[] cur = new double[m + 1];
        for (int i = 0; i <= m; i++) {
            prev[i] = i;
        }
        double best = prev[m];
        for (int j = 1; j <= text.length(); j++) {
            cur[0] = 0;
            for (int i = 1; i <= m; i++) {
                double cost = substitution(pattern.charAt(i - 1), text.charAt(j - 1));
                cur[i] = Math.min(Math.min(cur[i - 1] + 1, prev[i] + 1), prev[i - 1] + cost);
            }
            best = Math.min(best, cur[m]);
            double[] t = prev;
            prev = cur;
            cur = t;
        }
        return best;
    }
}
