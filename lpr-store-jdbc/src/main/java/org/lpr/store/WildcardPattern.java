package org.lpr.store;

import org.lpr.core.InvalidPlateException;
import org.lpr.core.read.PlatePattern;

/**
 * A plate pattern compiled for the partial-plate index: literal codes, {@code ?} for one character and
 * {@code *} for any run, matched against packed plates; tolerant patterns compare confusion classes.
 */
final class WildcardPattern {
    static final int ANY_ONE = -1;
    static final int ANY_RUN = -2;

    private final String text;
    private final boolean tolerant;
    private final int[] tokens;
    private final boolean hasRun;

    private WildcardPattern(String text, boolean tolerant, int[] tokens, boolean hasRun) {
        this.text = text;
        this.tolerant = tolerant;
        this.tokens = tokens;
        this.hasRun = hasRun;
    }

    /**
     * Compiles {@code pattern}; runs of {@code *} collapse to one. A pattern with no plate character at all
     * is refused: it would match every read and is no plate search.
     */
    static WildcardPattern compile(PlatePattern pattern, boolean tolerant) {
        String text = pattern.text();
        int[] tokens = new int[text.length()];
        int n = 0;
        int literals = 0;
        boolean hasRun = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*') {
                hasRun = true;
                if (n > 0 && tokens[n - 1] == ANY_RUN) {
                    continue;
                }
                tokens[n++] = ANY_RUN;
            } else if (c == '?') {
                tokens[n++] = ANY_ONE;
            } else {
                int code = PlateAlphabet.code(c);
                tokens[n++] = tolerant ? PlateAlphabet.canonical(code) : code;
                literals++;
            }
        }
        if (literals == 0) {
            throw new InvalidPlateException("plate pattern '" + text + "' holds no plate character, only wildcards; "
                    + "leave the plate out of the query to search any plate");
        }
        int[] compact = new int[n];
        System.arraycopy(tokens, 0, compact, 0, n);
        return new WildcardPattern(text, tolerant, compact, hasRun);
    }

    String text() {
        return text;
    }

    boolean tolerant() {
        return tolerant;
    }

    /** Tokens: codes (canonical when tolerant), {@link #ANY_ONE} or {@link #ANY_RUN}. */
    int[] tokens() {
        return tokens;
    }

    boolean hasRun() {
        return hasRun;
    }

    /** Whether the packed plate matches; iterative, so no pattern backtracks exponentially. */
    boolean matches(long packed) {
        int n = PlateAlphabet.length(packed);
        int m = tokens.length;
        int p = 0;
        int s = 0;
        int runP = -1;
        int runS = 0;
        while (s < n) {
            int ch = PlateAlphabet.codeAt(packed, s);
            if (tolerant) {
                ch = PlateAlphabet.canonical(ch);
            }
            if (p < m && (tokens[p] == ANY_ONE || tokens[p] == ch)) {
                p++;
                s++;
            } else if (p < m && tokens[p] == ANY_RUN) {
                runP = p++;
                runS = s;
            } else if (runP >= 0) {
                p = runP + 1;
                s = ++runS;
            } else {
                return false;
            }
        }
        while (p < m && tokens[p] == ANY_RUN) {
            p++;
        }
        return p == m;
    }

    @Override
    public String toString() {
        return text + (tolerant ? " (tolerant)" : "");
    }
}
