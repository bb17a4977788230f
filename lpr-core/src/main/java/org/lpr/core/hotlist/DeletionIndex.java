package org.lpr.core.hotlist;

import java.util.Arrays;
import org.lpr.core.read.Jurisdiction;

/**
 * A symmetric-delete index for one-edit matching of full plates: each entry is stored under its own
 * key and under the key of each one-character deletion of it; a read probes its own key and its
 * deletions. Every read one insertion, deletion or substitution away from an entry shares a probe key
 * with it (read = entry minus one: the read's key is one of the entry's deletions; read = entry plus
 * one: one of the read's deletions is the entry; a substitution at {@code i}: both deleted at
 * {@code i}), so no such entry is missed; candidates are then verified.
 */
final class DeletionIndex {
    private final int[] ordinals;
    private final byte[] fingerprints;
    private final int[] bucketStart;
    private final int bucketBits;
    private final BlockedBloomFilter bloom;
    private final int minLength;

    private DeletionIndex(int[] ordinals, byte[] fingerprints, int[] bucketStart, int bucketBits, BlockedBloomFilter bloom,
                          int minLength) {
        this.ordinals = ordinals;
        this.fingerprints = fingerprints;
        this.bucketStart = bucketStart;
        this.bucketBits = bucketBits;
        this.bloom = bloom;
        this.minLength = minLength;
    }

    /** The index of the full-plate entries {@code entries[0..full)} whose list allows one edit; null when there are none. */
    static DeletionIndex build(HotListEntry[] entries, int full, MatchRule[] rules) {
        int count = 0;
        int minLength = Integer.MAX_VALUE;
        for (int i = 0; i < full; i++) {
            MatchRule rule = rules[entries[i].listType().ordinal()];
            if (rule.editDistance1()) {
                count += entries[i].plate().text().length() + 1;
                minLength = Math.min(minLength, rule.minEditLength());
            }
        }
        if (count == 0) {
            return null;
        }
        long[] hashes = new long[count];
        int[] owner = new int[count];
        int k = 0;
        for (int i = 0; i < full; i++) {
            if (!rules[entries[i].listType().ordinal()].editDistance1()) {
                continue;
            }
            String t = entries[i].plate().text();
            hashes[k] = PlateKey.mix(PlateKey.raw(t));
            owner[k++] = i;
            for (int j = 0; j < t.length(); j++) {
                if (j > 0 && t.charAt(j) == t.charAt(j - 1)) {
                    continue; // deleting either of two equal neighbours gives the same key
                }
                hashes[k] = PlateKey.mix(PlateKey.rawWithout(t, j));
                owner[k++] = i;
            }
        }
        int bits = 0;
        while ((1L << bits) * Segment.BUCKET_LOAD < k) {
            bits++;
        }
        int buckets = 1 << bits;
        int[] start = new int[buckets + 1];
        int[] bucketOf = new int[k];
        BlockedBloomFilter.Builder bloom = BlockedBloomFilter.sized(k, Segment.BITS_PER_KEY);
        for (int j = 0; j < k; j++) {
            bloom.add(hashes[j]);
            bucketOf[j] = bucket(PlateKey.remix(hashes[j]), bits);
            start[bucketOf[j] + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        int[] next = Arrays.copyOf(start, buckets);
        int[] ordinals = new int[k];
        byte[] fingerprints = new byte[k];
        for (int j = 0; j < k; j++) {
            int at = next[bucketOf[j]]++;
            ordinals[at] = owner[j];
            fingerprints[at] = (byte) PlateKey.remix(hashes[j]);
        }
        return new DeletionIndex(ordinals, fingerprints, start, bits, bloom.build(), minLength);
    }

    private static int bucket(long remixed, int bits) {
        return bits == 0 ? 0 : (int) (remixed >>> (64 - bits));
    }

    HitSet collect(Segment segment, String text, double factor, Snapshot snapshot, Jurisdiction state, HitSet hits) {
        if (text.length() < minLength) {
            return hits;
        }
        long whole = PlateKey.raw(text);
        hits = probe(segment, whole, text, factor, snapshot, state, hits);
        // the key without character j, from the key of the prefix before j and the whole key:
        // whole = (prefix * 37 + c_j) * 37^(n-1-j) + suffix, and the deletion is prefix * 37^(n-1-j) + suffix
        int n = text.length();
        long prefix = 0;
        for (int j = 0; j < n; j++) {
            long next = prefix * 37 + Confusions.RAW[text.charAt(j) & 0x7f];
            if (j == 0 || text.charAt(j) != text.charAt(j - 1)) {
                long scale = PlateKey.POW37[n - 1 - j];
                hits = probe(segment, prefix * scale + (whole - next * scale), text, factor, snapshot, state, hits);
            }
            prefix = next;
        }
        return hits;
    }

    private HitSet probe(Segment segment, long key, String text, double factor, Snapshot snapshot, Jurisdiction state,
                         HitSet hits) {
        long h = PlateKey.mix(key);
        if (!bloom.mightContain(h)) {
            return hits;
        }
        long r = PlateKey.remix(h);
        int b = bucket(r, bucketBits);
        byte fp = (byte) r;
        for (int i = bucketStart[b], end = bucketStart[b + 1]; i < end; i++) {
            if (fingerprints[i] != fp) {
                continue;
            }
            int o = ordinals[i];
            HotListEntry e = segment.entries[o];
            if (!oneEditApart(e.plate().text(), text)) {
                continue;
            }
            if (hits == null) {
                hits = snapshot.newHitSet(state);
            }
            if (hits.admits(segment, o) && segment.rule(e).allowsEdit(text.length(), hits.stateKnown())) {
                hits.offer(e, text, MatchKind.EDIT_DISTANCE_1, 0, factor);
            }
        }
        return hits;
    }

    /** Whether the Levenshtein distance of {@code a} and {@code b} is exactly 1. */
    static boolean oneEditApart(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (la == lb) {
            int diff = 0;
            for (int i = 0; i < la && diff < 2; i++) {
                if (a.charAt(i) != b.charAt(i)) {
                    diff++;
                }
            }
            return diff == 1;
        }
        if (Math.abs(la - lb) != 1) {
            return false;
        }
        String s = la < lb ? a : b;
        String l = la < lb ? b : a;
        int i = 0;
        while (i < s.length() && s.charAt(i) == l.charAt(i)) {
            i++;
        }
        for (int j = i; j < s.length(); j++) {
            if (s.charAt(j) != l.charAt(j + 1)) {
                return false;
            }
        }
        return true;
    }
}
