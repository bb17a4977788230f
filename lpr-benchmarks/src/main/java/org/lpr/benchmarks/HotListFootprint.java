package org.lpr.benchmarks;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.HotLists;
import org.lpr.core.hotlist.MatchRule;
import org.openjdk.jol.info.GraphLayout;

/**
 * Memory of a {@link HotLists} against a {@code HashMap<String, HotListEntry>} of the same entries,
 * measured with JOL's object graph walk. Both hold the same {@link HotListEntry} objects (with their
 * plate strings, ids and reasons); "index" is each structure's retained size minus those shared
 * entries, i.e. what the structure itself costs.
 *
 * <p>{@code java -Djol.magicFieldOffset=true -Xmx8g -cp lpr-benchmarks/target/benchmarks.jar org.lpr.benchmarks.HotListFootprint [ENTRIES]}
 * (the property lets JOL read the field offsets of records)
 */
public final class HotListFootprint {
    private HotListFootprint() {
    }

    /** Prints the sizes for {@code args[0]} entries (1,000,000 unless given). */
    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        List<HotListEntry> entries = new HotListWorkload(1).entries(n);
        GraphLayout shared = GraphLayout.parseInstance(entries.toArray());
        System.out.printf("entries: %,d; the entry objects themselves: %,d bytes (%.1f bytes/entry)%n",
                n, shared.totalSize(), (double) shared.totalSize() / n);

        Map<String, HotListEntry> map = new HashMap<>();
        for (HotListEntry e : entries) {
            map.put(e.plate().text(), e);
        }
        long mapIndex = report("HashMap<String, HotListEntry>", map, shared, n, 0);
        report("HotLists, default rules", HotLists.builder().entries("ncic", entries).build(), shared, n, mapIndex);
        report("HotLists, exact only", HotLists.builder().defaultRule(MatchRule.EXACT_ONLY).entries("ncic", entries).build(),
                shared, n, mapIndex);
        report("HotLists, default + one edit on every list",
                HotLists.builder().defaultRule(MatchRule.DEFAULT.withEditDistance1(6)).entries("ncic", entries).build(), shared, n, mapIndex);
        report("HotLists, as in HotListMatchBenchmark.fuzzyMatcher", HotListMatchBenchmark.fuzzyMatcher(entries), shared, n, mapIndex);
    }

    private static long report(String what, Object root, GraphLayout shared, int n, long mapIndex) {
        GraphLayout all = GraphLayout.parseInstance(root);
        long total = all.totalSize();
        long index = all.subtract(shared).totalSize();
        System.out.printf("%-52s total %,13d bytes; index %,12d bytes = %5.1f bytes/entry%s%n", what, total, index,
                (double) index / n, mapIndex == 0 ? "" : String.format("; HashMap index / this index = %.1fx", (double) mapIndex / index));
        return index;
    }
}
