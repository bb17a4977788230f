package org.lpr.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.HotLists;
import org.lpr.core.hotlist.MatchRule;
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
 * Building a matcher of 1,000,000 entries (the entries already in memory), beside filling a
 * {@code HashMap<String, HotListEntry>} with them. Single-shot: each iteration is one build.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xms3g", "-Xmx3g"})
@Warmup(iterations = 2)
@Measurement(iterations = 5)
public class HotListBuildBenchmark {
    @Param("1000000")
    int entries;

    private List<HotListEntry> list;

    /** Generates the entries. */
    @Setup
    public void setUp() {
        list = new HotListWorkload(1).entries(entries);
    }

    /** Baseline: a {@code HashMap<String, HotListEntry>} of the entries. */
    @Benchmark
    public Map<String, HotListEntry> buildHashMapBaseline() {
        Map<String, HotListEntry> map = new HashMap<>();
        for (HotListEntry e : list) {
            map.put(e.plate().text(), e);
        }
        return map;
    }

    /** An exact-only matcher. */
    @Benchmark
    public HotLists buildExactMatcher() {
        return HotLists.builder().defaultRule(MatchRule.EXACT_ONLY).entries("ncic", list).build();
    }

    /** A matcher with the default rule. */
    @Benchmark
    public HotLists buildDefaultMatcher() {
        return HotLists.builder().entries("ncic", list).build();
    }

    /** The matcher of {@code HotListMatchBenchmark.fuzzyMatcher}. */
    @Benchmark
    public HotLists buildFuzzyMatcher() {
        return HotListMatchBenchmark.fuzzyMatcher(list);
    }
}
