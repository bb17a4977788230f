package org.lpr.core.hotlist;

/**
 * Plate texts packed into a {@code long}: each of at most 10 characters of {@code [A-Z0-9]} is a
 * base-37 digit 1 to 36, so texts of different lengths never share a key (37^10 &lt; 2^63).
 */
final class PlateKey {
    /** Powers of 37, 37^0 to 37^10. */
    static final long[] POW37 = new long[11];

    static {
        POW37[0] = 1;
        for (int i = 1; i < POW37.length; i++) {
            POW37[i] = POW37[i - 1] * 37;
        }
    }

    private PlateKey() {
    }

    /** The raw key of {@code text}. */
    static long raw(CharSequence text) {
        long k = 0;
        for (int i = 0; i < text.length(); i++) {
            k = k * 37 + Confusions.RAW[text.charAt(i) & 0x7f];
        }
        return k;
    }

    /** The raw key of {@code text} without the character at {@code skip}. */
    static long rawWithout(CharSequence text, int skip) {
        long k = 0;
        for (int i = 0; i < text.length(); i++) {
            if (i != skip) {
                k = k * 37 + Confusions.RAW[text.charAt(i) & 0x7f];
            }
        }
        return k;
    }

    /** The OCR-canonical key of {@code text}: equal for texts that differ only by confusions. */
    static long canonical(CharSequence text) {
        long k = 0;
        for (int i = 0; i < text.length(); i++) {
            k = k * 37 + Confusions.CANONICAL[text.charAt(i) & 0x7f];
        }
        return k;
    }

    /** A well-mixed 64-bit hash of a key (the murmur3 finalizer). */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    /** A second hash derived from {@link #mix(long)}'s result, for bucket and fingerprint choice. */
    static long remix(long h) {
        return Long.rotateLeft(h, 29) * 0x9e3779b97f4a7c15L;
    }
}
