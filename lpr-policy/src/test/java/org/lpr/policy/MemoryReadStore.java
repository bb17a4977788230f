package org.lpr.policy;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.lpr.core.read.PlatePattern;
import org.lpr.core.read.PlateRead;
import org.lpr.core.spi.ReadPage;
import org.lpr.core.spi.ReadQuery;
import org.lpr.core.spi.ReadStore;

/** A real, thread-safe in-memory {@link ReadStore} for tests (also of adapters, through this module's test-jar); it passes core's ReadStoreContract. */
public final class MemoryReadStore implements ReadStore {
    private final Map<String, PlateRead> reads = new LinkedHashMap<>();
    private final Map<String, Set<String>> holds = new HashMap<>();

    @Override
    public synchronized void saveAll(List<PlateRead> batch) {
        for (PlateRead r : batch) {
            reads.putIfAbsent(r.id(), r);
        }
    }

    @Override
    public synchronized Optional<PlateRead> find(String id) {
        return Optional.ofNullable(reads.get(id));
    }

    @Override
    public synchronized ReadPage search(ReadQuery q) {
        List<PlateRead> hits = new ArrayList<>();
        for (PlateRead r : reads.values()) {
            if (r.capturedAt().isBefore(q.from()) || !r.capturedAt().isBefore(q.to())) {
                continue;
            }
            if (q.plate().isPresent() && !matches(q.plate().get(), r.plate().text(), q.tolerant())) {
                continue;
            }
            if (!q.cameraIds().isEmpty() && !q.cameraIds().contains(r.camera().id())) {
                continue;
            }
            if (!q.cameraKinds().isEmpty() && !q.cameraKinds().contains(r.camera().kind())) {
                continue;
            }
            if (q.area().isPresent() && (r.location().isEmpty() || !q.area().get().contains(r.location().get()))) {
                continue;
            }
            hits.add(r);
        }
        hits.sort(Comparator.comparing(PlateRead::capturedAt).reversed().thenComparing(PlateRead::id));
        int end = Math.min(hits.size(), q.offset() + q.limit());
        List<PlateRead> page = q.offset() >= hits.size() ? List.of() : hits.subList(q.offset(), end);
        return new ReadPage(page, end < hits.size());
    }

    private static boolean matches(PlatePattern p, String text, boolean tolerant) {
        if (p.matches(text)) {
            return true;
        }
        return tolerant && new PlatePattern(fold(p.text())).matches(fold(text));
    }

    private static String fold(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            b.append(switch (c) {
                case 'O', 'D', 'Q' -> '0';
                case 'I', 'L' -> '1';
                case 'Z' -> '2';
                case 'S' -> '5';
                case 'G' -> '6';
                case 'B' -> '8';
                default -> c;
            });
        }
        return b.toString();
    }

    @Override
    public synchronized int hold(Collection<String> readIds, String holdReference) {
        int n = 0;
        for (String id : readIds) {
            if (reads.containsKey(id)) {
                holds.computeIfAbsent(id, k -> new HashSet<>()).add(holdReference);
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized int release(String holdReference) {
        int n = 0;
        for (var it = holds.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (e.getValue().remove(holdReference)) {
                n++;
                if (e.getValue().isEmpty()) {
                    it.remove();
                }
            }
        }
        return n;
    }

    @Override
    public synchronized long purgeBefore(Instant cutoff) {
        long n = 0;
        for (var it = reads.entrySet().iterator(); it.hasNext();) {
            var e = it.next();
            if (e.getValue().capturedAt().isBefore(cutoff) && !holds.containsKey(e.getKey())) {
                it.remove();
                n++;
            }
        }
        return n;
    }

    @Override
    public synchronized long count() {
        return reads.size();
    }
}
