package org.lpr.core.hotlist;

import java.util.ArrayList;
import java.util.List;
import org.lpr.core.read.Plate;

/**
 * How tolerant matching is for the entries of one list type: how many confusable characters a read
 * may differ by, whether one inserted, deleted or substituted character is tolerated, and from which
 * read length on. Exact matches are always reported; a read's state must match the entry's state or
 * one of them must be unknown, whatever the rule.
 *
 * @param maxConfusable most characters of a read that may differ from the entry by an OCR confusion
 *     (0/O/D/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B, 4/A, 7/T, U/V) for a {@link MatchKind#CONFUSABLE} hit; 0 turns it off
 * @param minConfusableLength shortest read (in characters) that may hit by confusion
 * @param editDistance1 whether a read one inserted, deleted or substituted character away from the
 *     entry hits as {@link MatchKind#EDIT_DISTANCE_1}
 * @param minEditLength shortest read that may hit by one edit
 * @param tolerantOnUnknownState whether reads of unknown state may hit tolerantly (by confusion or edit);
 *     exact hits on reads of unknown state are always reported, marked state-unverified
 */
public record MatchRule(int maxConfusable, int minConfusableLength, boolean editDistance1, int minEditLength,
                        boolean tolerantOnUnknownState) {

    /**
     * The default rule, as in Genetec AutoVu: one confusable character for reads of 7 or more
     * characters whose state matches or is unknown; no edits.
     */
    public static final MatchRule DEFAULT = new MatchRule(1, 7, false, 7, true);

    /** Exact matches only. */
    public static final MatchRule EXACT_ONLY = new MatchRule(0, 7, false, 7, false);

    /** Validates every component and reports all problems together. */
    public MatchRule {
        List<String> problems = new ArrayList<>();
        if (maxConfusable < 0 || maxConfusable > 3) {
            problems.add("maxConfusable " + maxConfusable + " is outside 0..3");
        }
        if (minConfusableLength < 1 || minConfusableLength > Plate.MAX_LENGTH) {
            problems.add("minConfusableLength " + minConfusableLength + " is outside 1.." + Plate.MAX_LENGTH);
        }
        if (minEditLength < 2 || minEditLength > Plate.MAX_LENGTH) {
            problems.add("minEditLength " + minEditLength + " is outside 2.." + Plate.MAX_LENGTH);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid match rule: " + String.join("; ", problems));
        }
    }

    /** This rule with EDIT_DISTANCE_1 hits enabled for reads of {@code minReadLength} or more characters. */
    public MatchRule withEditDistance1(int minReadLength) {
        return new MatchRule(maxConfusable, minConfusableLength, true, minReadLength, tolerantOnUnknownState);
    }

    /** This rule with up to {@code max} confusable characters for reads of {@code minReadLength} or more characters. */
    public MatchRule withConfusable(int max, int minReadLength) {
        return new MatchRule(max, minReadLength, editDistance1, minEditLength, tolerantOnUnknownState);
    }

    /** This rule with tolerant hits on reads of unknown state allowed or not. */
    public MatchRule withTolerantOnUnknownState(boolean allowed) {
        return new MatchRule(maxConfusable, minConfusableLength, editDistance1, minEditLength, allowed);
    }

    /** Whether any tolerant kind is enabled. */
    public boolean isTolerant() {
        return maxConfusable > 0 || editDistance1;
    }

    /** Whether a read of {@code length} characters may hit with {@code confusables} (1 or more) confused characters. */
    boolean allowsConfusable(int length, int confusables, boolean stateKnown) {
        return confusables <= maxConfusable && length >= minConfusableLength && (stateKnown || tolerantOnUnknownState);
    }

    /** Whether a read of {@code length} characters may hit with one edit. */
    boolean allowsEdit(int length, boolean stateKnown) {
        return editDistance1 && length >= minEditLength && (stateKnown || tolerantOnUnknownState);
    }
}
