package org.lpr.core.hotlist;

/**
 * An immutable blocked Bloom filter: each key sets 8 bits, one in each of the 8 words of a single
 * 512-bit block, so a lookup touches one cache line and never reports a false
 * negative. At 12 bits a key its false positive rate is about 0.4 %.
 */
final class BlockedBloomFilter {
    static final BlockedBloomFilter EMPTY = new BlockedBloomFilter(new long[16], 1);

    /**
     * Where the first block starts, in words. A large array's data starts 16 bytes into a 64-byte
     * aligned region (the array header), so starting blocks 6 words in keeps each block on one cache
     * line instead of two.
     */
    private static final int FIRST = 6;

    private final long[] words;
    private final long blocks;

    private BlockedBloomFilter(long[] words, long blocks) {
        this.words = words;
        this.blocks = blocks;
    }

    /** An empty filter sized for {@code expectedKeys} at {@code bitsPerKey}. */
    static BlockedBloomFilter.Builder sized(long expectedKeys, int bitsPerKey) {
        long bits = Math.max(512, expectedKeys * bitsPerKey);
        long nBlocks = (bits + 511) / 512;
        if (nBlocks * 8 > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("too many keys for one Bloom filter: " + expectedKeys);
        }
        return new Builder(new long[(int) (nBlocks * 8) + 8], nBlocks);
    }

    /** Whether the key whose {@link PlateKey#mix(long) hash} is {@code h} may be in the filter. */
    boolean mightContain(long h) {
        int base = ((int) (((h >>> 32) * blocks) >>> 32) << 3) + FIRST;
        long[] w = words;
        long all = (w[base] >>> h)
                & (w[base + 1] >>> (h >>> 6))
                & (w[base + 2] >>> (h >>> 12))
                & (w[base + 3] >>> (h >>> 18))
                & (w[base + 4] >>> (h >>> 24))
                & (w[base + 5] >>> (h >>> 30))
                & (w[base + 6] >>> (h >>> 36))
                & (w[base + 7] >>> (h >>> 42));
        return (all & 1) != 0;
    }

    /** Fills a filter; not thread-safe, used only while a snapshot is built. */
    static final class Builder {
        private final long[] words;
        private final long blocks;

        private Builder(long[] words, long blocks) {
            this.words = words;
            this.blocks = blocks;
        }

        void add(long h) {
            int base = ((int) (((h >>> 32) * blocks) >>> 32) << 3) + FIRST;
            for (int i = 0; i < 8; i++) {
                words[base + i] |= 1L << (h >>> (6 * i));
            }
        }

        BlockedBloomFilter build() {
            return new BlockedBloomFilter(words, blocks);
        }
    }
}
