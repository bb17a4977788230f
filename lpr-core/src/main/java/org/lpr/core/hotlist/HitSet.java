package org.lpr.core.hotlist;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lpr.core.read.Jurisdiction;

/**
 * The hits of one read being matched, at most one per entry (the best), created only when a read
 * first reaches a candidate entry so that the common case, a read on no list, allocates nothing.
 */
final class HitSet {
    private final Snapshot snapshot;
    private final Jurisdiction readState;
    private final Instant now;
    private final Map<HotListEntry, Hit> best = new HashMap<>(4);
    private final List<HotListEntry> order = new ArrayList<>(4);

    HitSet(Snapshot snapshot, Jurisdiction readState, Instant now) {
        this.snapshot = snapshot;
        this.readState = readState;
        this.now = now;
    }

    /** Whether {@code entry} may hit at all: not removed, not expired, state compatible. */
    boolean admits(Segment segment, int ordinal) {
        if (snapshot.isRemoved(segment, ordinal)) {
            return false;
        }
        HotListEntry e = segment.entries[ordinal];
        if (e.isExpiredAt(now)) {
            return false;
        }
        Jurisdiction s = e.jurisdiction();
        return !s.isKnown() || !readState.isKnown() || s == readState;
    }

    boolean stateKnown() {
        return readState.isKnown();
    }

    /** Records a hit of {@code entry}, keeping the better of it and an earlier hit of the same entry. */
    void offer(HotListEntry entry, String readText, MatchKind kind, int confusables, double candidateFactor) {
        double base = switch (kind) {
            case EXACT -> 1.0;
            case CONFUSABLE -> 1.0 - 0.1 * confusables;
            case EDIT_DISTANCE_1 -> 0.7;
        };
        Hit hit = new Hit(readText, entry, kind, base * candidateFactor, readState.isKnown());
        Hit old = best.get(entry);
        if (old == null) {
            order.add(entry);
            best.put(entry, hit);
        } else if (hit.score() > old.score() || (hit.score() == old.score() && kind.compareTo(old.match()) < 0)) {
            best.put(entry, hit);
        }
    }

    List<Hit> hits() {
        List<Hit> out = new ArrayList<>(order.size());
        for (HotListEntry e : order) {
            out.add(best.get(e));
        }
        return List.copyOf(out);
    }

    /** The score factor of a reading: 1 for the best reading, at most 0.9 for an alternative. */
    static double candidateFactor(int rank, double confidence) {
        return rank == 0 ? 1.0 : Math.min(0.9, confidence);
    }
}
