package org.lpr.benchmarks;

import java.util.Arrays;
import java.util.Map;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.HotLists;
import org.lpr.core.read.PlateRead;

/**
 * The {@code exactMatcher} / {@code exactHashMapBaseline} ratio of {@link HotListMatchBenchmark},
 * measured so that the load of a shared machine falls on both alike: in one JVM, batches of
 * {@value HotListMatchBenchmark#BATCH} reads of the benchmark's own reads and structures are timed,
 * each method in turn running {@value #CHUNK} batches in a row (walk only, {@code HashMap}, matcher),
 * and each method's figure is the median over all its batches. JMH runs the methods one after another, each in its own JVM, so
 * on a machine whose load swings from 2 to 6 its ratios move by a factor of two from run to run.
 *
 * <p>{@code java -Xms3g -Xmx3g -cp lpr-benchmarks/target/benchmarks.jar org.lpr.benchmarks.HotListMatchInterleaved [LAYOUT [ROUNDS]]}
 * with LAYOUT {@code hot}, {@code fresh} (default) or {@code scattered}, as the benchmark's {@code readLayout}.
 */
public final class HotListMatchInterleaved {
    /** Batches a method runs in a row before the next method's turn: about 1 to 3 ms. */
    private static final int CHUNK = 64;

    private HotListMatchInterleaved() {
    }

    /** Prints the median ns a read of each method and the ratios, for {@code args[0]} layout over {@code args[1]} rounds. */
    public static void main(String[] args) {
        HotListMatchBenchmark b = new HotListMatchBenchmark();
        b.entries = 1_000_000;
        b.onListRate = 0.001;
        b.readLayout = args.length > 0 ? args[0] : "fresh";
        int rounds = (args.length > 1 ? Integer.parseInt(args[1]) : 20_000) / CHUNK * CHUNK;
        if (rounds < CHUNK) {
            throw new IllegalArgumentException("rounds must be at least " + CHUNK + " (one turn of each method), not " + args[1]);
        }
        b.setUp();
        HotListMatchBenchmark.Cursor cursor = new HotListMatchBenchmark.Cursor();
        long sink = 0;
        long[] walk = new long[rounds];
        long[] map = new long[rounds];
        long[] matcher = new long[rounds];
        for (int warm = 0; warm < 2; warm++) {
            for (int r = 0; r < rounds; r += CHUNK) {
                // each method its own batches (touched first in the hot layout), CHUNK of them in a row so
                // that what stays in the cache between batches is the method's own, as on a matching thread
                for (int k = r; k < r + CHUNK; k++) {
                    cursor.advance(b);
                    long t0 = System.nanoTime();
                    sink += walk(b.reads, cursor.next);
                    walk[k] = System.nanoTime() - t0;
                }
                for (int k = r; k < r + CHUNK; k++) {
                    cursor.advance(b);
                    long t0 = System.nanoTime();
                    sink += map(b.reads, cursor.next, b.hashMap);
                    map[k] = System.nanoTime() - t0;
                }
                for (int k = r; k < r + CHUNK; k++) {
                    cursor.advance(b);
                    long t0 = System.nanoTime();
                    sink += matcher(b.reads, cursor.next, b.exact);
                    matcher[k] = System.nanoTime() - t0;
                }
            }
        }
        double w = median(walk);
        double m = median(map);
        double x = median(matcher);
        System.out.printf("layout %s, %,d batches of %d reads each, median ns a read: walk read->plate->text->hash %.1f;"
                        + " exactHashMapBaseline %.1f; exactMatcher %.1f%n", b.readLayout, rounds, HotListMatchBenchmark.BATCH, w, m, x);
        System.out.printf("exactMatcher / exactHashMapBaseline throughput = %.2fx; with a free lookup (walk only) it would be %.2fx (sink %d)%n",
                m / x, m / w, sink);
    }

    private static long walk(PlateRead[] reads, int from) {
        long s = 0;
        for (int i = from, end = from + HotListMatchBenchmark.BATCH; i < end; i++) {
            s += reads[i].plate().text().hashCode();
        }
        return s;
    }

    private static long map(PlateRead[] reads, int from, Map<String, HotListEntry> map) {
        long s = 0;
        for (int i = from, end = from + HotListMatchBenchmark.BATCH; i < end; i++) {
            s += map.get(reads[i].plate().text()) == null ? 0 : 1;
        }
        return s;
    }

    private static long matcher(PlateRead[] reads, int from, HotLists matcher) {
        long s = 0;
        for (int i = from, end = from + HotListMatchBenchmark.BATCH; i < end; i++) {
            s += matcher.match(reads[i]).size();
        }
        return s;
    }

    private static double median(long[] batchNanos) {
        long[] sorted = batchNanos.clone();
        Arrays.sort(sorted);
        return (double) sorted[sorted.length / 2] / HotListMatchBenchmark.BATCH;
    }
}
