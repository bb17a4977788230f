package org.lpr.store;

import java.util.Arrays;
import org.lpr.core.read.Plate;
import org.roaringbitmap.IntIterator;
import org.roaringbitmap.RoaringBitmap;

/**
 * The partial-plate index of one partition: RoaringBitmap postings over the partition's read numbers
 * ({@code rid}) for each (position, character), each plate length and each trigram of confusion-class
 * characters, plus every plate packed in a {@code long} to verify candidates without touching the database.
 * Not thread-safe: the store guards it with its index lock.
 */
final class PlatePostings {
    private static final int MAX = Plate.MAX_LENGTH;
    private static final int K = PlateAlphabet.CANONICAL_CODES;

    private final RoaringBitmap live = new RoaringBitmap();
    private final RoaringBitmap[] byLength = new RoaringBitmap[MAX + 1];
    private final RoaringBitmap[] byPosition = new RoaringBitmap[MAX * PlateAlphabet.CODES];
    private final RoaringBitmap[] byTrigram = new RoaringBitmap[K * K * K];
    private long[] plates = new long[256];
    private long generation;

    /** Adds read {@code rid} with {@code plate}. */
    void add(int rid, String plate) {
        long packed = PlateAlphabet.pack(plate);
        if (rid >= plates.length) {
            plates = Arrays.copyOf(plates, Math.max(rid + 1, plates.length * 2));
        }
        plates[rid] = packed;
        live.add(rid);
        int n = plate.length();
        bitmap(byLength, n).add(rid);
        for (int i = 0; i < n; i++) {
            bitmap(byPosition, i * PlateAlphabet.CODES + PlateAlphabet.codeAt(packed, i)).add(rid);
        }
        for (int i = 0; i + 2 < n; i++) {
            bitmap(byTrigram, trigram(PlateAlphabet.codeAt(packed, i), PlateAlphabet.codeAt(packed, i + 1),
                    PlateAlphabet.codeAt(packed, i + 2))).add(rid);
        }
        generation++;
    }

    /** Removes read {@code rid}; nothing when it is not here. */
    void remove(int rid) {
        if (!live.contains(rid)) {
            return;
        }
        long packed = plates[rid];
        int n = PlateAlphabet.length(packed);
        live.remove(rid);
        byLength[n].remove(rid);
        for (int i = 0; i < n; i++) {
            byPosition[i * PlateAlphabet.CODES + PlateAlphabet.codeAt(packed, i)].remove(rid);
        }
        for (int i = 0; i + 2 < n; i++) {
            byTrigram[trigram(PlateAlphabet.codeAt(packed, i), PlateAlphabet.codeAt(packed, i + 1),
                    PlateAlphabet.codeAt(packed, i + 2))].remove(rid);
        }
        plates[rid] = 0;
        generation++;
    }

    /** How many reads the partition holds. */
    long size() {
        return live.getLongCardinality();
    }

    /** Changes with every add and remove; keys cached results. */
    long generation() {
        return generation;
    }

    /** Whether {@code rid} is indexed. */
    boolean contains(int rid) {
        return live.contains(rid);
    }

    /** The highest read number indexed, 0 when empty. */
    int maxRid() {
        return live.isEmpty() ? 0 : live.last();
    }

    /** Every read number indexed. */
    RoaringBitmap all() {
        return live.clone();
    }

    /** Bytes the postings take, roughly. */
    long sizeInBytes() {
        long bytes = live.getLongSizeInBytes() + 8L * plates.length;
        for (RoaringBitmap[] family : new RoaringBitmap[][] {byLength, byPosition, byTrigram}) {
            for (RoaringBitmap b : family) {
                if (b != null) {
                    bytes += b.getLongSizeInBytes();
                }
            }
        }
        return bytes;
    }

    /**
     * The reads whose plate matches {@code pattern}: postings narrow the candidates (positions for the
     * pattern's anchored prefix, lengths when it has no {@code *}, trigrams for literal runs after a {@code *}),
     * then the packed plates verify each candidate.
     */
    RoaringBitmap matching(WildcardPattern pattern) {
        int[] tokens = pattern.tokens();
        RoaringBitmap acc = null;
        int i = 0;
        for (; i < tokens.length && tokens[i] != WildcardPattern.ANY_RUN; i++) {
            if (tokens[i] >= 0) {
                acc = and(acc, atPosition(i, tokens[i], pattern.tolerant()));
                if (acc.isEmpty()) {
                    return new RoaringBitmap();
                }
            }
        }
        if (!pattern.hasRun()) {
            RoaringBitmap len = byLength[tokens.length] == null ? new RoaringBitmap() : byLength[tokens.length];
            // positions and length together decide a pattern without '*' exactly
            return acc == null ? len.clone() : RoaringBitmap.and(acc, len);
        }
        for (int start = i; start + 2 < tokens.length; start++) {
            int a = tokens[start];
            int b = tokens[start + 1];
            int c = tokens[start + 2];
            if (a >= 0 && b >= 0 && c >= 0) {
                RoaringBitmap g = byTrigram[trigram(a, b, c)];
                if (g == null) {
                    return new RoaringBitmap();
                }
                acc = and(acc, g);
                if (acc.isEmpty()) {
                    return new RoaringBitmap();
                }
            }
        }
        RoaringBitmap candidates = acc == null ? live : acc;
        RoaringBitmap matched = new RoaringBitmap();
        IntIterator it = candidates.getIntIterator();
        while (it.hasNext()) {
            int rid = it.next();
            if (pattern.matches(plates[rid])) {
                matched.add(rid);
            }
        }
        return matched;
    }

    private RoaringBitmap atPosition(int position, int code, boolean tolerant) {
        if (!tolerant) {
            RoaringBitmap b = byPosition[position * PlateAlphabet.CODES + code];
            return b == null ? new RoaringBitmap() : b;
        }
        RoaringBitmap union = new RoaringBitmap();
        for (int member : PlateAlphabet.classMembers(code)) {
            RoaringBitmap b = byPosition[position * PlateAlphabet.CODES + member];
            if (b != null) {
                union.or(b);
            }
        }
        return union;
    }

    private static RoaringBitmap and(RoaringBitmap acc, RoaringBitmap b) {
        return acc == null ? b : RoaringBitmap.and(acc, b);
    }

    private static int trigram(int a, int b, int c) {
        return (PlateAlphabet.denseCanonical(a) * K + PlateAlphabet.denseCanonical(b)) * K + PlateAlphabet.denseCanonical(c);
    }

    private static RoaringBitmap bitmap(RoaringBitmap[] family, int index) {
        RoaringBitmap b = family[index];
        if (b == null) {
            b = new RoaringBitmap();
            family[index] = b;
        }
        return b;
    }
}
