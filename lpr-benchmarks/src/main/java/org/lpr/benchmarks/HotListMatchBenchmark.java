package org.lpr.benchmarks;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.HotLists;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.hotlist.MatchRule;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Polygon;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Matching one read against a hot list of 1,000,000 entries, 99.9 % of reads on no list. Each
 * operation is one read (one candidate), so ops/s is reads/s on one thread. Every method walks the
 * same pre-built reads, {@value #BATCH} consecutive reads an invocation
 * ({@code @OperationsPerInvocation}), each result into the {@link Blackhole}.
 *
 * <p>{@code readLayout} says where the reads' objects lie in memory: {@code fresh}, each read's
 * objects ({@code PlateRead}, {@code Plate}, text, candidates) allocated together in the order they
 * are matched, after the lists are built, as a read just built by the recognizer is; {@code
 * scattered}, the plates allocated apart from their reads in shuffled order before the lists are
 * built (moved by the collector while building), so that every read costs a few cache misses of its
 * own before any list is looked at; {@code hot}, as {@code fresh}, and before each invocation (outside
 * the measured time) the batch's reads are read once, so that they are in the cache as a read is that
 * the recognizer has just built on the matching thread. {@code hot} measures the structures
 * themselves; in the other two layouts walking 65,536 reads' objects through the cache (about 15 MB)
 * costs a third of the {@code HashMap}'s time and evicts whatever the structures had in the 2 MB L2.
 * Both methods of a pair pay the same read-side cost in every layout; neither method's structure is
 * ever touched outside the measured time.
 *
 * <ul>
 *   <li>{@code exactHashMapBaseline}: {@code HashMap<String, HotListEntry>.get} of the read's text
 *       ({@code read.plate().text()}, state not compared);
 *   <li>{@code exactMatcher}: {@link HotLists} with every list exact-only;
 *   <li>{@code fuzzyBruteForceBaseline}: a bounded Levenshtein (distance &le; 1) of the read against
 *       every entry of a 10,000-entry list: divide its ops/s by 100 for 1,000,000 entries;
 *   <li>{@code fuzzyMatcher}: {@link HotLists} with the default rule (one confusable character for
 *       reads of 7+), and one edit enabled for AMBER, SILVER, BLUE and missing-person lists.
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class HotListMatchBenchmark {
    /** Reads matched per invocation. */
    static final int BATCH = 1024;
    private static final int READS = 1 << 16;
    private static final int BRUTE_FORCE_ENTRIES = 10_000;

    @Param("1000000")
    int entries;

    @Param("0.001")
    double onListRate;

    @Param({"hot", "fresh", "scattered"})
    String readLayout;

    /** Whether each batch's reads are brought into the cache before it is matched ({@code hot}). */
    boolean hot;
    /** Sum of what the {@code hot} layout read, kept so that reading it is not optimized away. */
    long touched;

    Map<String, HotListEntry> hashMap;
    HotLists exact;
    private HotLists fuzzy;
    private String[] bruteForceList;
    PlateRead[] reads;
    private String[] readTexts;

    /** Builds the list, the reads and the structures. */
    @Setup
    public void setUp() {
        HotListWorkload w = new HotListWorkload(1);
        List<HotListEntry> list = w.entries(entries);
        List<Plate> plates = w.reads(list, READS, onListRate);
        boolean fresh = switch (readLayout) {
            case "hot", "fresh" -> true;
            case "scattered" -> false;
            default -> throw new IllegalArgumentException("readLayout '" + readLayout + "' is not hot, fresh or scattered");
        };
        hot = readLayout.equals("hot");
        if (!fresh) {
            makeReads(plates, false);
        }
        hashMap = new HashMap<>();
        for (HotListEntry e : list) {
            hashMap.put(e.plate().text(), e);
        }
        exact = HotLists.builder().defaultRule(MatchRule.EXACT_ONLY).entries("ncic", list).build();
        fuzzy = fuzzyMatcher(list);
        bruteForceList = list.subList(0, BRUTE_FORCE_ENTRIES).stream().map(e -> e.plate().text()).toArray(String[]::new);
        if (fresh) {
            System.gc(); // nothing of the build left to collect (and move the reads) while measuring
            makeReads(plates, true);
        }
    }

    /** The reads of {@code plates}; with {@code copy}, each with its own text and plate allocated beside it. */
    private void makeReads(List<Plate> plates, boolean copy) {
        reads = new PlateRead[READS];
        readTexts = new String[READS];
        Camera cam = new Camera("bench", CameraKind.FIXED, "MO0920200");
        Polygon box = Polygon.rectangle(0, 0, 100, 40);
        for (int i = 0; i < READS; i++) {
            Plate p = plates.get(i);
            if (copy) {
                p = new Plate(new String(p.text().toCharArray()), p.jurisdiction());
            }
            reads[i] = new PlateRead("r" + i, p, 0.9, 0.9, List.of(new Candidate(p.text(), 0.9)), box, Instant.EPOCH, cam,
                    Optional.empty(), List.of());
            readTexts[i] = p.text();
            readTexts[i].hashCode(); // both the HashMap and the matcher use String's cached hash
        }
    }

    /** The fuzzy configuration measured here: defaults, plus one edit on the person-alert lists. */
    static HotLists fuzzyMatcher(List<HotListEntry> list) {
        MatchRule alerts = MatchRule.DEFAULT.withEditDistance1(6);
        return HotLists.builder()
                .rule(ListType.AMBER_ALERT, alerts).rule(ListType.SILVER_ALERT, alerts)
                .rule(ListType.BLUE_ALERT, alerts).rule(ListType.MISSING_ENDANGERED, alerts)
                .entries("ncic", list).build();
    }

    /**
     * Where a thread's next batch of reads starts; advanced before each invocation, outside the
     * measured time, where in the {@code hot} layout the batch's reads are also brought into the cache.
     */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        /** Moves to the next batch; in the {@code hot} layout, reads each of its reads' own objects, as the recognizer that just built them has. */
        @Setup(Level.Invocation)
        public void advance(HotListMatchBenchmark b) {
            next = (next + BATCH) & (READS - 1);
            if (b.hot) {
                long sum = 0;
                for (int i = next, end = next + BATCH; i < end; i++) {
                    sum += touch(b.reads[i]);
                }
                b.touched += sum;
            }
        }

        private static long touch(PlateRead r) {
            Plate p = r.plate();
            Candidate c = r.candidates().get(0);
            return r.id().charAt(0) + p.text().hashCode() + p.text().charAt(0) + p.jurisdiction().ordinal()
                    + c.text().length() + Double.doubleToRawLongBits(c.confidence() + r.confidence());
        }
    }

    /** Baseline: a {@code HashMap<String, HotListEntry>} lookup of each read's text. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void exactHashMapBaseline(Cursor c, Blackhole bh) {
        PlateRead[] rs = reads;
        Map<String, HotListEntry> map = hashMap;
        for (int i = c.next, end = i + BATCH; i < end; i++) {
            bh.consume(map.get(rs[i].plate().text()));
        }
    }

    /** The exact-only matcher on each read. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void exactMatcher(Cursor c, Blackhole bh) {
        PlateRead[] rs = reads;
        HotLists m = exact;
        for (int i = c.next, end = i + BATCH; i < end; i++) {
            bh.consume(m.match(rs[i]));
        }
    }

    /** Baseline: bounded Levenshtein of the read against each of 10,000 entries (scale by 1/100 for 1,000,000). */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void fuzzyBruteForceBaseline(Cursor c, Blackhole bh) {
        String[] ts = readTexts;
        for (int i = c.next, end = i + BATCH; i < end; i++) {
            String r = ts[i];
            int found = 0;
            for (String e : bruteForceList) {
                if (withinOneEdit(e, r)) {
                    found++;
                }
            }
            bh.consume(found);
        }
    }

    /** The tolerant matcher (default rule, one edit on person alerts) on each read. */
    @Benchmark
    @OperationsPerInvocation(BATCH)
    public void fuzzyMatcher(Cursor c, Blackhole bh) {
        PlateRead[] rs = reads;
        HotLists m = fuzzy;
        for (int i = c.next, end = i + BATCH; i < end; i++) {
            bh.consume(m.match(rs[i]));
        }
    }

    /** Levenshtein distance at most 1, bounded: stops at the second difference. */
    static boolean withinOneEdit(String a, String b) {
        int la = a.length();
        int lb = b.length();
        if (Math.abs(la - lb) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        boolean edited = false;
        while (i < la && j < lb) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (edited) {
                return false;
            }
            edited = true;
            if (la > lb) {
                i++;
            } else if (lb > la) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return !edited || (i == la && j == lb);
    }
}
