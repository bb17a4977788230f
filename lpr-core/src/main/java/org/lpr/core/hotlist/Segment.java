package org.lpr.core.hotlist;

import java.util.Arrays;
import org.lpr.core.read.Jurisdiction;

/**
 * An immutable index over a set of entries. Full plates sit in an OCR-canonical hash index (entries
 * grouped by bucket of the canonical key's hash: an array of entries, one of fingerprint bytes and one
 * of bucket starts, about 5.3 bytes an entry) behind a {@link RegisterBlockedBloomFilter}, so a read on no list costs one filter
 * probe (one 64-bit word); exact and confusable hits are both found through the canonical key. Entries whose list allows one edit are also in a {@link DeletionIndex};
 * partial entries ({@code 7XK*4}) are in a {@link PatternTrie}.
 */
final class Segment {
    /** Bloom filter bits per key: about 1 % false positives in the full-plate stage, 0.4 % in the edit index's. */
    static final int BITS_PER_KEY = 12;
    /** Target mean number of entries per bucket of the edit index. */
    static final int BUCKET_LOAD = 4;
    /**
     * Target mean number of entries per bucket of the full-plate index: large, since a bucket's entries
     * are told apart by their fingerprint bytes (one cache line) before any entry is read.
     */
    static final int FULL_BUCKET_LOAD = 16;

    static final Segment EMPTY = build(new HotListEntry[0], new byte[0], new MatchRule[ListType.values().length]);

    /** Full-plate entries in bucket order, then partial entries. */
    final HotListEntry[] entries;
    /** The list (index into the snapshot's list names) of each entry. */
    final byte[] lists;
    final int fullCount;
    /** A byte of each full-plate entry's key hash, in bucket order: a read's key differs from an entry's whose byte differs. */
    private final byte[] fingerprints;
    private final RegisterBlockedBloomFilter bloom;
    private final int[] bucketStart;
    private final int bucketBits;
    private final DeletionIndex edits;
    private final PatternTrie partials;
    private final MatchRule[] rules;
    /** Whether keys are OCR-canonical (some rule tolerates confusions) or raw (exact-only lists: fewer filter hits). */
    private final boolean canonical;
    /** Whether every reading is searched beyond the filter: there is an edit index or a partial-plate trie. */
    private final boolean searchesAll;

    private Segment(HotListEntry[] entries, byte[] lists, int fullCount, byte[] fingerprints, RegisterBlockedBloomFilter bloom, int[] bucketStart,
                    int bucketBits, DeletionIndex edits, PatternTrie partials, MatchRule[] rules,
                    boolean canonical) {
        this.entries = entries;
        this.lists = lists;
        this.fullCount = fullCount;
        this.fingerprints = fingerprints;
        this.bloom = bloom;
        this.bucketStart = bucketStart;
        this.bucketBits = bucketBits;
        this.edits = edits;
        this.partials = partials;
        this.rules = rules;
        this.canonical = canonical;
        this.searchesAll = edits != null || partials != null;
    }

    /**
     * The hash of a reading: of its OCR-canonical key, or, when no rule tolerates confusions, of its
     * text's {@code String.hashCode()}, which a string computes once and then keeps.
     */
    private static long hash(String text, boolean canonical) { // mayHit spells out the same formula
        return canonical ? PlateKey.mix(PlateKey.canonical(text)) : PlateKey.mix(text.hashCode());
    }

    /** Builds a segment of {@code source} entries, {@code sourceLists[i]} naming the list of entry {@code i}. */
    static Segment build(HotListEntry[] source, byte[] sourceLists, MatchRule[] rules) {
        int n = source.length;
        boolean canonical = false;
        for (MatchRule r : rules) {
            canonical |= r != null && r.maxConfusable() > 0;
        }
        int full = 0;
        for (HotListEntry e : source) {
            if (!e.plate().isPartial()) {
                full++;
            }
        }
        int bucketBits = 0;
        while ((1L << bucketBits) * FULL_BUCKET_LOAD < full) {
            bucketBits++;
        }
        int buckets = 1 << bucketBits;
        int[] bucketOf = new int[full];
        byte[] fingerprintOf = new byte[full];
        int[] fullSource = new int[full];
        int[] partialSource = new int[n - full];
        int[] start = new int[buckets + 1];
        RegisterBlockedBloomFilter.Builder bloom = RegisterBlockedBloomFilter.sized(full, BITS_PER_KEY);
        int f = 0;
        int p = 0;
        for (int i = 0; i < n; i++) {
            if (source[i].plate().isPartial()) {
                partialSource[p++] = i;
                continue;
            }
            long h = hash(source[i].plate().text(), canonical);
            bloom.add(h);
            int b = bucket(PlateKey.remix(h), bucketBits);
            bucketOf[f] = b;
            fingerprintOf[f] = fingerprint(h);
            fullSource[f++] = i;
            start[b + 1]++;
        }
        for (int b = 0; b < buckets; b++) {
            start[b + 1] += start[b];
        }
        HotListEntry[] entries = new HotListEntry[n];
        byte[] lists = new byte[n];
        byte[] fingerprints = new byte[full];
        int[] next = Arrays.copyOf(start, buckets);
        for (int j = 0; j < full; j++) {
            int at = next[bucketOf[j]]++;
            fingerprints[at] = fingerprintOf[j];
            entries[at] = source[fullSource[j]];
            lists[at] = sourceLists[fullSource[j]];
        }
        for (int j = 0; j < partialSource.length; j++) {
            entries[full + j] = source[partialSource[j]];
            lists[full + j] = sourceLists[partialSource[j]];
        }
        DeletionIndex edits = DeletionIndex.build(entries, full, rules);
        PatternTrie partials = PatternTrie.build(entries, full, rules);
        return new Segment(entries, lists, full, fingerprints, bloom.build(), start, bucketBits, edits, partials, rules, canonical);
    }

    /** Bits 24 to 31 of a key hash, which the filter (bits 0 to 23 and 32 to 63) does not use. */
    private static byte fingerprint(long h) {
        return (byte) (h >>> 24);
    }

    private static int bucket(long remixed, int bits) {
        return bits == 0 ? 0 : (int) (remixed >>> (64 - bits));
    }

    int size() {
        return entries.length;
    }

    MatchRule rule(HotListEntry e) {
        return rules[e.listType().ordinal()];
    }

    /**
     * Whether reading {@code text} may hit here: false only when no full-plate entry's key passes the
     * filter and there is no edit index or partial-plate trie to search, so it certainly hits nothing.
     */
    boolean mayHit(String text) {
        if (searchesAll) {
            return true;
        }
        // the hash spelled out rather than hash(): its branch profile is then that of matching alone, not
        // shared with building, so a JVM whose lists are all exact-only compiles the canonical key out.
        // It must stay equal to hash(text, canonical): a difference would be a false negative
        // (HotListsOracleTest's full-plate cases cover both key kinds).
        long h = canonical ? PlateKey.mix(PlateKey.canonical(text)) : PlateKey.mix(text.hashCode());
        return bloom.mightContain(h);
    }

    /** Adds the hits of one reading {@code text} to {@code hits} (created when first needed) and returns it. */
    HitSet collect(String text, double factor, Snapshot snapshot, Jurisdiction state, HitSet hits) {
        long h = hash(text, canonical);
        if (bloom.mightContain(h)) {
            hits = collectFull(text, h, factor, snapshot, state, hits);
        }
        if (edits != null) {
            hits = edits.collect(this, text, factor, snapshot, state, hits);
        }
        if (partials != null) {
            hits = partials.collect(this, text, factor, snapshot, state, hits);
        }
        return hits;
    }

    private HitSet collectFull(String text, long h, double factor, Snapshot snapshot, Jurisdiction state, HitSet hits) {
        int b = bucket(PlateKey.remix(h), bucketBits);
        long key = canonical ? PlateKey.canonical(text) : 0;
        byte fp = fingerprint(h);
        for (int i = bucketStart[b], end = bucketStart[b + 1]; i < end; i++) {
            if (fingerprints[i] != fp) {
                continue; // a different key: rejected without reading the entry, most of a false positive's cost
            }
            HotListEntry e = entries[i];
            String et = e.plate().text();
            if (et.length() != text.length() || (canonical ? PlateKey.canonical(et) != key : !et.equals(text))) {
                continue;
            }
            if (hits == null) {
                hits = snapshot.newHitSet(state);
            }
            if (!hits.admits(this, i)) {
                continue;
            }
            int d = 0;
            for (int c = 0; c < et.length(); c++) {
                if (et.charAt(c) != text.charAt(c)) {
                    d++;
                }
            }
            MatchRule rule = rule(e);
            if (d == 0) {
                hits.offer(e, text, MatchKind.EXACT, 0, factor);
            } else if (rule.allowsConfusable(text.length(), d, hits.stateKnown())) {
                hits.offer(e, text, MatchKind.CONFUSABLE, d, factor);
            } else if (d == 1 && rule.allowsEdit(text.length(), hits.stateKnown())) {
                hits.offer(e, text, MatchKind.EDIT_DISTANCE_1, 0, factor);
            }
        }
        return hits;
    }

    /** The ordinals of entries of list {@code list} whose id is {@code id}. */
    int[] find(int list, String id) {
        int[] found = new int[4];
        int k = 0;
        for (int i = 0; i < lists.length; i++) {
            if (lists[i] == (byte) list && entries[i].id().equals(id)) {
                if (k == found.length) {
                    found = Arrays.copyOf(found, k * 2);
                }
                found[k++] = i;
            }
        }
        return Arrays.copyOf(found, k);
    }
}
