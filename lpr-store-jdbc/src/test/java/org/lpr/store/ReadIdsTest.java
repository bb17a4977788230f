package org.lpr.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ReadIdsTest {
    private static List<Integer> candidates(ReadIds ids, int hash) {
        List<Integer> out = new ArrayList<>();
        ids.anyMatch(hash, rid -> {
            out.add(rid);
            return false;
        });
        return out;
    }

    @Test
    void addRemoveAndGrow_keepEveryLiveIdFindable_evenWhenHashesCollide() {
        ReadIds ids = new ReadIds();
        Map<Integer, String> live = new HashMap<>();
        Random r = new Random(3);
        for (int rid = 1; rid <= 50_000; rid++) {
            String id = "read-" + r.nextInt(1_000_000_000);
            live.put(rid, id);
            // every 1000th read shares a hash with the one before: collisions must list both
            int hash = rid % 1000 == 0 ? ReadIds.hash(live.get(rid - 1)) : ReadIds.hash(id);
            ids.add(hash, rid);
            if (rid % 3 == 0 && rid % 1000 != 0 && (rid + 1) % 1000 != 0) {
                ids.remove(ReadIds.hash(id), rid);
                live.remove(rid);
            }
        }
        for (Map.Entry<Integer, String> e : live.entrySet()) {
            int rid = e.getKey();
            int hash = rid % 1000 == 0 ? ReadIds.hash(live.get(rid - 1)) : ReadIds.hash(e.getValue());
            assertThat(candidates(ids, hash)).as("read %d", rid).contains(rid);
        }
        assertThat(candidates(ids, ReadIds.hash(live.get(999)))).contains(999, 1000);
        assertThat(candidates(ids, ReadIds.hash(live.get(999)))).doesNotContain(3);
    }

    @Test
    void hash_neverUsesTheMarkers() {
        for (int i = 0; i < 100_000; i++) {
            int h = ReadIds.hash("id-" + i);
            assertThat(h).isNotIn(0, -1);
        }
    }
}
