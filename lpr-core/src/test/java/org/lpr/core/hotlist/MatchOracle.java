package org.lpr.core.hotlist;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlateRead;

/**
 * The matching rules written the slow, obvious way: every entry is compared with every reading by
 * enumerating the readings' confusion variants and one-edit variants (partial entries) or by a
 * Levenshtein table (full plates). The engines must return exactly what this returns.
 */
final class MatchOracle {
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    private final List<HotListEntry> entries;
    private final Map<ListType, MatchRule> rules;

    MatchOracle(List<HotListEntry> entries, Map<ListType, MatchRule> rules) {
        this.entries = entries;
        this.rules = rules;
    }

    /** The best hit per entry for {@code read} at {@code now}. */
    Map<HotListEntry, Hit> match(PlateRead read, Instant now) {
        Map<HotListEntry, Hit> out = new LinkedHashMap<>();
        Jurisdiction state = read.plate().jurisdiction();
        for (HotListEntry e : entries) {
            if (e.isExpiredAt(now)) {
                continue;
            }
            if (e.jurisdiction().isKnown() && state.isKnown() && e.jurisdiction() != state) {
                continue;
            }
            MatchRule rule = rules.get(e.listType());
            List<Candidate> cands = read.candidates();
            for (int rank = 0; rank < cands.size(); rank++) {
                String t = cands.get(rank).text();
                double factor = rank == 0 ? 1.0 : Math.min(0.9, cands.get(rank).confidence());
                Hit h = classify(e, rule, t, state.isKnown(), factor);
                if (h == null) {
                    continue;
                }
                Hit old = out.get(e);
                if (old == null || h.score() > old.score() || (h.score() == old.score() && h.match().compareTo(old.match()) < 0)) {
                    out.put(e, h);
                }
            }
        }
        return out;
    }

    private static Hit classify(HotListEntry e, MatchRule rule, String t, boolean stateKnown, double factor) {
        if (e.plate().matches(t)) {
            return new Hit(t, e, MatchKind.EXACT, factor, stateKnown);
        }
        boolean tolerant = stateKnown || rule.tolerantOnUnknownState();
        if (tolerant && t.length() >= rule.minConfusableLength()) {
            for (int c = 1; c <= rule.maxConfusable(); c++) {
                if (confusedVariantMatches(e, t.toCharArray(), 0, c)) {
                    return new Hit(t, e, MatchKind.CONFUSABLE, (1.0 - 0.1 * c) * factor, stateKnown);
                }
            }
        }
        if (tolerant && rule.editDistance1() && t.length() >= rule.minEditLength()) {
            boolean oneEdit = e.plate().isPartial() ? oneEditVariantMatches(e, t) : levenshtein(e.plate().text(), t) == 1;
            if (oneEdit) {
                return new Hit(t, e, MatchKind.EDIT_DISTANCE_1, 0.7 * factor, stateKnown);
            }
        }
        return null;
    }

    /** Whether changing exactly {@code left} more characters from index {@code from} on to class-mates makes the entry match. */
    private static boolean confusedVariantMatches(HotListEntry e, char[] t, int from, int left) {
        if (left == 0) {
            return e.plate().matches(new String(t));
        }
        for (int i = from; i < t.length; i++) {
            char orig = t[i];
            for (char m : Confusions.mates(orig).toCharArray()) {
                t[i] = m;
                boolean ok = confusedVariantMatches(e, t, i + 1, left - 1);
                t[i] = orig;
                if (ok) {
                    return true;
                }
            }
        }
        return false;
    }

    private static boolean oneEditVariantMatches(HotListEntry e, String t) {
        for (int i = 0; i < t.length(); i++) {
            if (t.length() > 1 && e.plate().matches(t.substring(0, i) + t.substring(i + 1))) {
                return true;
            }
            for (char c : ALPHABET.toCharArray()) {
                if (c != t.charAt(i) && e.plate().matches(t.substring(0, i) + c + t.substring(i + 1))) {
                    return true;
                }
            }
        }
        for (int i = 0; i <= t.length(); i++) {
            for (char c : ALPHABET.toCharArray()) {
                if (e.plate().matches(t.substring(0, i) + c + t.substring(i))) {
                    return true;
                }
            }
        }
        return false;
    }

    static int levenshtein(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int sub = d[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                d[i][j] = Math.min(sub, Math.min(d[i - 1][j], d[i][j - 1]) + 1);
            }
        }
        return d[a.length()][b.length()];
    }
}
