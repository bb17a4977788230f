package org.lpr.core.hotlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlateRead;

/** Matching from several threads while lists are refreshed, added to and removed from. */
class HotListsConcurrencyTest {
    @Test
    void match_duringRepeatedRefreshes_losesNoHitAndThrowsNothing() throws Exception {
        Random rnd = new Random(42);
        List<HotListEntry> stable = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            stable.add(HotListEntry.of("s" + i, String.format("S%06d", i), Jurisdiction.MO, ListType.STOLEN_VEHICLE, "stolen", ""));
        }
        HotLists lists = HotLists.builder().deltaLimit(50).entries("stable", stable).entries("churn", churn(rnd, 20_000)).build();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<Integer>> readers = new ArrayList<>();
        for (int t = 0; t < 3; t++) {
            int seed = t;
            readers.add(pool.submit(() -> {
                Random r = new Random(seed);
                int checked = 0;
                while (!stop.get() || checked < 1000) {
                    int i = r.nextInt(stable.size());
                    PlateRead read = Reads.read(Jurisdiction.MO, String.format("S%06d", i));
                    List<Hit> hits = lists.match(read);
                    assertThat(hits).as("read %s", read.plate()).extracting(Hit::entry).contains(stable.get(i));
                    checked++;
                }
                return checked;
            }));
        }
        Future<?> writer = pool.submit(() -> {
            Random r = new Random(7);
            for (int round = 0; round < 15; round++) {
                lists.refresh(new HotList("churn", "test", Instant.now(), churn(r, 20_000)));
                for (int k = 0; k < 60; k++) {
                    lists.add("custom", HotListEntry.of("c" + k, String.format("C%06d", k), Jurisdiction.MO, ListType.CUSTOM, "c", ""));
                    lists.remove("custom", "c" + (k / 2));
                }
            }
            return null;
        });
        writer.get(5, TimeUnit.MINUTES);
        stop.set(true);
        int total = 0;
        for (Future<Integer> f : readers) {
            total += f.get(5, TimeUnit.MINUTES);
        }
        pool.shutdown();
        assertThat(total).isGreaterThanOrEqualTo(3000);
        assertThat(lists.listNames()).containsExactly("stable", "churn", "custom");
    }

    private static List<HotListEntry> churn(Random rnd, int n) {
        List<HotListEntry> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(HotListEntry.of("x" + i, "X" + Integer.toString(rnd.nextInt(1 << 30), 36).toUpperCase(), Jurisdiction.MO,
                    ListType.STOLEN_PLATE, "stolen", ""));
        }
        return out;
    }
}
