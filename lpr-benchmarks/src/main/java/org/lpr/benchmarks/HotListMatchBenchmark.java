package org.lpr.benchmarks;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.lpr.core.hotlist.Hit;
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
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Matching one read against a hot list of 1,000,000 entries, 99.9 % of reads on no list. Each
 * operation is one read (one candidate), so ops/s is reads/s on one thread.
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
    private static final int READS = 1 << 16;
    private static final int BRUTE_FORCE_ENTRIES = 10_000;

    @Param("1000000")
    int entries;

    @Param("0.001")
    double onListRate;

    private Map<String, HotListEntry> hashMap;
    private HotLists exact;
    private HotLists fuzzy;
    private String[] bruteForceList;
    private PlateRead[] reads;
    private String[] readTexts;

    /** Builds the list, the reads and the structures. */
    @Setup
    public void setUp() {
        HotListWorkload w = new HotListWorkload(1);
        List<HotListEntry> list = w.entries(entries);
        List<Plate> plates = w.reads(list, READS, onListRate);
        reads = new PlateRead[READS];
        readTexts = new String[READS];
        Camera cam = new Camera("bench", CameraKind.FIXED, "MO0920200");
        Polygon box = Polygon.rectangle(0, 0, 100, 40);
        for (int i = 0; i < READS; i++) {
            Plate p = plates.get(i);
            reads[i] = new PlateRead("r" + i, p, 0.9, 0.9, List.of(new Candidate(p.text(), 0.9)), box, Instant.EPOCH, cam,
                    Optional.empty(), List.of());
            readTexts[i] = p.text();
            readTexts[i].hashCode();
        }
        hashMap = new HashMap<>();
        for (HotListEntry e : list) {
            hashMap.put(e.plate().text(), e);
        }
        exact = HotLists.builder().defaultRule(MatchRule.EXACT_ONLY).entries("ncic", list).build();
        fuzzy = fuzzyMatcher(list);
        bruteForceList = list.subList(0, BRUTE_FORCE_ENTRIES).stream().map(e -> e.plate().text()).toArray(String[]::new);
    }

    /** The fuzzy configuration measured here: defaults, plus one edit on the person-alert lists. */
    static HotLists fuzzyMatcher(List<HotListEntry> list) {
        MatchRule alerts = MatchRule.DEFAULT.withEditDistance1(6);
        return HotLists.builder()
                .rule(ListType.AMBER_ALERT, alerts).rule(ListType.SILVER_ALERT, alerts)
                .rule(ListType.BLUE_ALERT, alerts).rule(ListType.MISSING_ENDANGERED, alerts)
                .entries("ncic", list).build();
    }

    /** Which read a thread looks at next. */
    @State(Scope.Thread)
    public static class Cursor {
        int next;

        int advance() {
            next = (next + 1) & (READS - 1);
            return next;
        }
    }

    /** Baseline: a {@code HashMap<String, HotListEntry>} lookup of the read's text. */
    @Benchmark
    public HotListEntry exactHashMapBaseline(Cursor c) {
        return hashMap.get(reads[c.advance()].plate().text());
    }

    /** The exact-only matcher on one read. */
    @Benchmark
    public List<Hit> exactMatcher(Cursor c) {
        return exact.match(reads[c.advance()]);
    }

    /** Baseline: bounded Levenshtein of the read against each of 10,000 entries (scale by 1/100 for 1,000,000). */
    @Benchmark
    public int fuzzyBruteForceBaseline(Cursor c) {
        String r = readTexts[c.advance()];
        int found = 0;
        for (String e : bruteForceList) {
            if (withinOneEdit(e, r)) {
                found++;
            }
        }
        return found;
    }

    /** The tolerant matcher (default rule, one edit on person alerts) on one read. */
    @Benchmark
    public List<Hit> fuzzyMatcher(Cursor c) {
        return fuzzy.match(reads[c.advance()]);
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
