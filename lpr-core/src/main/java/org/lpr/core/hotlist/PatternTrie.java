package org.lpr.core.hotlist;

import java.util.Arrays;
import org.lpr.core.read.Jurisdiction;

/**
 * A trie of partial-plate patterns ({@code ?} for one character, {@code *} for any run), searched
 * depth-first with an error budget: once allowing up to {@code maxConfusable} confusable characters,
 * once (where a list enables it) allowing one inserted, deleted or substituted character.
 */
final class PatternTrie {
    private final Node root;
    private final int maxConfusable;
    private final int minConfusableLength;
    private final boolean anyEdit;
    private final int minEditLength;

    private PatternTrie(Node root, int maxConfusable, int minConfusableLength, boolean anyEdit, int minEditLength) {
        this.root = root;
        this.maxConfusable = maxConfusable;
        this.minConfusableLength = minConfusableLength;
        this.anyEdit = anyEdit;
        this.minEditLength = minEditLength;
    }

    /** The trie of the partial entries {@code entries[full..]}; null when there are none. */
    static PatternTrie build(HotListEntry[] entries, int full, MatchRule[] rules) {
        if (full == entries.length) {
            return null;
        }
        Node root = new Node();
        int maxConfusable = 0;
        int minConfusableLength = Integer.MAX_VALUE;
        boolean anyEdit = false;
        int minEditLength = Integer.MAX_VALUE;
        for (int i = full; i < entries.length; i++) {
            String p = entries[i].plate().text();
            Node n = root;
            for (int c = 0; c < p.length(); c++) {
                n = n.childOrAdd(p.charAt(c));
            }
            n.terminals = Arrays.copyOf(n.terminals, n.terminals.length + 1);
            n.terminals[n.terminals.length - 1] = i;
            MatchRule rule = rules[entries[i].listType().ordinal()];
            if (rule.maxConfusable() > 0) {
                maxConfusable = Math.max(maxConfusable, rule.maxConfusable());
                minConfusableLength = Math.min(minConfusableLength, rule.minConfusableLength());
            }
            if (rule.editDistance1()) {
                anyEdit = true;
                minEditLength = Math.min(minEditLength, rule.minEditLength());
            }
        }
        return new PatternTrie(root, maxConfusable, minConfusableLength, anyEdit, minEditLength);
    }

    HitSet collect(Segment segment, String text, double factor, Snapshot snapshot, Jurisdiction state, HitSet hits) {
        int budget = text.length() >= minConfusableLength ? maxConfusable : 0;
        Found found = searchConfusable(root, text, 0, 0, budget, null);
        if (anyEdit && text.length() >= minEditLength) {
            found = searchEdit(root, text, 0, 0, found);
        }
        if (found == null) {
            return hits;
        }
        if (hits == null) {
            hits = snapshot.newHitSet(state);
        }
        for (int k = 0; k < found.size; k++) {
            int o = found.ordinals[k];
            if (!hits.admits(segment, o)) {
                continue;
            }
            HotListEntry e = segment.entries[o];
            MatchRule rule = segment.rule(e);
            int conf = found.confusables[k];
            if (conf == 0) {
                hits.offer(e, text, MatchKind.EXACT, 0, factor);
            } else if (rule.allowsConfusable(text.length(), conf, hits.stateKnown())) {
                hits.offer(e, text, MatchKind.CONFUSABLE, conf, factor);
            } else if (found.oneEdit[k] && rule.allowsEdit(text.length(), hits.stateKnown())) {
                hits.offer(e, text, MatchKind.EDIT_DISTANCE_1, 0, factor);
            }
        }
        return hits;
    }

    private static Found searchConfusable(Node n, String t, int pos, int conf, int budget, Found found) {
        if (pos == t.length()) {
            for (int o : n.terminals) {
                found = Found.confusable(found, o, conf);
            }
        }
        for (int k = 0; k < n.labels.length; k++) {
            char c = n.labels[k];
            Node kid = n.kids[k];
            if (c == '*') {
                for (int end = pos; end <= t.length(); end++) {
                    found = searchConfusable(kid, t, end, conf, budget, found);
                }
            } else if (pos < t.length()) {
                char r = t.charAt(pos);
                if (c == '?' || c == r) {
                    found = searchConfusable(kid, t, pos + 1, conf, budget, found);
                } else if (conf < budget && Confusions.confusable(c, r)) {
                    found = searchConfusable(kid, t, pos + 1, conf + 1, budget, found);
                }
            }
        }
        return found;
    }

    private static Found searchEdit(Node n, String t, int pos, int edits, Found found) {
        if (pos == t.length()) {
            for (int o : n.terminals) {
                found = Found.edit(found, o, edits);
            }
        }
        if (edits == 0 && pos < t.length()) {
            found = searchEdit(n, t, pos + 1, 1, found); // the read has an extra character
        }
        for (int k = 0; k < n.labels.length; k++) {
            char c = n.labels[k];
            Node kid = n.kids[k];
            if (c == '*') {
                for (int end = pos; end <= t.length(); end++) {
                    found = searchEdit(kid, t, end, edits, found);
                }
                continue;
            }
            if (pos < t.length() && (c == '?' || c == t.charAt(pos))) {
                found = searchEdit(kid, t, pos + 1, edits, found);
            } else if (pos < t.length() && edits == 0) {
                found = searchEdit(kid, t, pos + 1, 1, found); // substituted character
            }
            if (edits == 0) {
                found = searchEdit(kid, t, pos, 1, found); // the read lacks this character
            }
        }
        return found;
    }

    private static final class Node {
        char[] labels = new char[0];
        Node[] kids = new Node[0];
        int[] terminals = new int[0];

        Node childOrAdd(char c) {
            for (int k = 0; k < labels.length; k++) {
                if (labels[k] == c) {
                    return kids[k];
                }
            }
            labels = Arrays.copyOf(labels, labels.length + 1);
            kids = Arrays.copyOf(kids, kids.length + 1);
            labels[labels.length - 1] = c;
            Node kid = new Node();
            kids[kids.length - 1] = kid;
            return kid;
        }
    }

    /** The entries one search reached: the fewest confusables and whether one edit reaches each. */
    private static final class Found {
        int[] ordinals = new int[4];
        int[] confusables = new int[4];
        boolean[] oneEdit = new boolean[4];
        int size;

        private int slot(int ordinal) {
            for (int k = 0; k < size; k++) {
                if (ordinals[k] == ordinal) {
                    return k;
                }
            }
            if (size == ordinals.length) {
                ordinals = Arrays.copyOf(ordinals, size * 2);
                confusables = Arrays.copyOf(confusables, size * 2);
                oneEdit = Arrays.copyOf(oneEdit, size * 2);
            }
            ordinals[size] = ordinal;
            confusables[size] = Integer.MAX_VALUE;
            return size++;
        }

        static Found confusable(Found f, int ordinal, int conf) {
            Found found = f == null ? new Found() : f;
            int k = found.slot(ordinal);
            found.confusables[k] = Math.min(found.confusables[k], conf);
            return found;
        }

        static Found edit(Found f, int ordinal, int edits) {
            Found found = f == null ? new Found() : f;
            int k = found.slot(ordinal);
            if (edits == 0) {
                found.confusables[k] = 0;
            } else {
                found.oneEdit[k] = true;
            }
            return found;
        }
    }
}
