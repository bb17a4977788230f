package org.lpr.benchmarks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.lpr.core.hotlist.Hit;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.HotLists;
import org.lpr.core.hotlist.MatchKind;
import org.lpr.core.hotlist.MatchRule;
import org.lpr.core.read.Plate;

/**
 * The false-alert rate of tolerant matching: hits per 10,000 reads of plates that are on no list
 * (every such hit is false), for lists of 100,000 and 3,000,000 entries, under several rules. A tenth
 * of the reads have no state, as in the {@link HotListWorkload}.
 *
 * <p>{@code java -Xmx6g -cp lpr-benchmarks/target/benchmarks.jar org.lpr.benchmarks.HotListFalseAlerts [SIZES...]}
 */
public final class HotListFalseAlerts {
    private static final int READS = 100_000;

    private HotListFalseAlerts() {
    }

    /** Prints one line per list size and rule. */
    public static void main(String[] args) {
        int[] sizes = args.length == 0 ? new int[] {100_000, 3_000_000}
                : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Map<String, MatchRule> rules = new LinkedHashMap<>();
        rules.put("default: 1 confusable, reads >= 7", MatchRule.DEFAULT);
        rules.put("default, exact only on unknown-state reads", MatchRule.DEFAULT.withTolerantOnUnknownState(false));
        rules.put("1 confusable, reads >= 5 (no length gate)", MatchRule.DEFAULT.withConfusable(1, 5));
        rules.put("2 confusables, reads >= 7", MatchRule.DEFAULT.withConfusable(2, 7));
        rules.put("default + 1 edit, reads >= 7", MatchRule.DEFAULT.withEditDistance1(7));
        rules.put("default + 1 edit, reads >= 5", MatchRule.DEFAULT.withEditDistance1(5));
        for (int n : sizes) {
            HotListWorkload w = new HotListWorkload(n);
            List<HotListEntry> entries = w.entries(n);
            List<Plate> reads = w.reads(entries, READS, 0.0);
            for (Map.Entry<String, MatchRule> r : rules.entrySet()) {
                HotLists lists = HotLists.builder().defaultRule(r.getValue()).entries("list", entries).build();
                long[] byKind = new long[MatchKind.values().length];
                long readsWithHit = 0;
                for (Plate p : reads) {
                    List<Hit> hits = lists.match(p);
                    for (Hit h : hits) {
                        byKind[h.match().ordinal()]++;
                    }
                    readsWithHit += hits.isEmpty() ? 0 : 1;
                }
                long total = byKind[0] + byKind[1] + byKind[2];
                System.out.printf("%,10d entries | %-44s | %7.1f false hits per 10,000 off-list reads"
                                + " (confusable %.1f, edit %.1f, exact %d) | reads with a false alert: %.2f %%%n",
                        n, r.getKey(), total * 10_000.0 / READS, byKind[1] * 10_000.0 / READS, byKind[2] * 10_000.0 / READS,
                        byKind[0], readsWithHit * 100.0 / READS);
            }
        }
    }
}
