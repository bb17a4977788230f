package org.lpr.core.hotlist;

import java.util.List;
import org.lpr.core.read.OcrConfusion;

/**
 * The OCR confusion classes: characters a plate reader mistakes for one another. The classes are
 * disjoint, so mapping every character to its class's first member gives an OCR-canonical key on
 * which reads and entries that differ only by confusions are equal.
 */
final class Confusions {
    /**
     * The classes, from {@link OcrConfusion}. The first six are the ones every ALPR vendor lists; 4/A (an
     * open-top 4 at low resolution), 7/T (a short-stemmed T in narrow plate fonts) and U/V (the rounded
     * bottom lost to blur) are the next most frequent misreads of plate fonts.
     */
    static final List<String> CLASSES = OcrConfusion.classes();

    /** Raw character code, 1 to 36 (0 means "no character"), by ASCII value; 0 for anything else. */
    static final byte[] RAW = new byte[128];
    /** Code of the character's class representative, by ASCII value; 0 for anything else. */
    static final byte[] CANONICAL = new byte[128];

    static {
        for (char c = 'A'; c <= 'Z'; c++) {
            RAW[c] = (byte) (c - 'A' + 1);
        }
        for (char c = '0'; c <= '9'; c++) {
            RAW[c] = (byte) (c - '0' + 27);
        }
        System.arraycopy(RAW, 0, CANONICAL, 0, 128);
        for (String cls : CLASSES) {
            byte rep = RAW[cls.charAt(0)];
            for (int i = 0; i < cls.length(); i++) {
                CANONICAL[cls.charAt(i)] = rep;
            }
        }
    }

    private Confusions() {
    }

    /** Whether OCR confuses {@code a} and {@code b} (two different characters of one class). */
    static boolean confusable(char a, char b) {
        return a != b && a < 128 && b < 128 && CANONICAL[a] != 0 && CANONICAL[a] == CANONICAL[b];
    }

    /** The class-mates of {@code c}, without {@code c}; empty when it is in no class. */
    static String mates(char c) {
        for (String cls : CLASSES) {
            if (cls.indexOf(c) >= 0) {
                return cls.replace(String.valueOf(c), "");
            }
        }
        return "";
    }
}
