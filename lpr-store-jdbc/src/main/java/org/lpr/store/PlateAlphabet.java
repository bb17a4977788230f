package org.lpr.store;

import org.lpr.core.read.Plate;

/**
 * Plate characters as small codes, a plate packed into one {@code long}, and the confusion classes of
 * characters OCR mistakes for each other.
 *
 * <p>The classes are core's {@link org.lpr.core.read.OcrConfusion}, the same the hot list engine matches
 * with: 0/O/D/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B, 4/A, 7/T, U/V.
 */
final class PlateAlphabet {
    /** Codes run 1..36 ('0'-'9' then 'A'-'Z'); 0 ends a packed plate. */
    static final int CODES = 37;
    /** Bits per character in a packed plate. */
    static final int BITS = 6;
    /** The confusion classes, first character the class's canonical member. */
    static final String[] CONFUSION_CLASSES = org.lpr.core.read.OcrConfusion.classes().toArray(String[]::new);

    private static final int[] CANONICAL = new int[CODES];
    private static final int[][] MEMBERS = new int[CODES][];
    private static final int[] DENSE = new int[CODES];
    /** How many distinct canonical codes there are (36 less the merged members). */
    static final int CANONICAL_CODES;

    static {
        for (int c = 0; c < CODES; c++) {
            CANONICAL[c] = c;
            MEMBERS[c] = new int[] {c};
        }
        for (String cls : CONFUSION_CLASSES) {
            int[] members = cls.chars().map(ch -> code((char) ch)).toArray();
            for (int m : members) {
                CANONICAL[m] = members[0];
                MEMBERS[m] = members;
            }
        }
        int dense = 0;
        for (int c = 1; c < CODES; c++) {
            if (CANONICAL[c] == c) {
                DENSE[c] = dense++;
            }
        }
        for (int c = 1; c < CODES; c++) {
            DENSE[c] = DENSE[CANONICAL[c]];
        }
        CANONICAL_CODES = dense;
    }

    private PlateAlphabet() {
    }

    /** The code of a normalized plate character. */
    static int code(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0' + 1;
        }
        if (c >= 'A' && c <= 'Z') {
            return c - 'A' + 11;
        }
        throw new IllegalArgumentException("character '" + c + "' is not a normalized plate character [A-Z0-9]");
    }

    /** The character of a code. */
    static char character(int code) {
        return code <= 10 ? (char) ('0' + code - 1) : (char) ('A' + code - 11);
    }

    /** The canonical code of {@code code}'s confusion class ({@code code} itself when it is in none). */
    static int canonical(int code) {
        return CANONICAL[code];
    }

    /** Every code in {@code code}'s confusion class, {@code code} included. */
    static int[] classMembers(int code) {
        return MEMBERS[code];
    }

    /** The canonical class of {@code code} as a dense number {@code 0..CANONICAL_CODES-1}. */
    static int denseCanonical(int code) {
        return DENSE[code];
    }

    /** The plate's characters packed six bits each, first character lowest. */
    static long pack(String plate) {
        if (plate.length() > Plate.MAX_LENGTH) {
            throw new IllegalArgumentException("plate '" + plate + "' is longer than " + Plate.MAX_LENGTH);
        }
        long packed = 0;
        for (int i = 0; i < plate.length(); i++) {
            packed |= (long) code(plate.charAt(i)) << (BITS * i);
        }
        return packed;
    }

    /** The code at {@code index} of a packed plate, 0 past its end. */
    static int codeAt(long packed, int index) {
        return (int) (packed >>> (BITS * index)) & 63;
    }

    /** The number of characters of a packed plate. */
    static int length(long packed) {
        int n = 0;
        while (n < Plate.MAX_LENGTH && codeAt(packed, n) != 0) {
            n++;
        }
        return n;
    }

    /** The plate text of a packed plate. */
    static String unpack(long packed) {
        int n = length(packed);
        char[] chars = new char[n];
        for (int i = 0; i < n; i++) {
            chars[i] = character(codeAt(packed, i));
        }
        return new String(chars);
    }
}
