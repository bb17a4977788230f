package org.lpr.core.hotlist;

import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;

/**
 * One immutable state of a {@link HotLists}: a large base segment, a small delta segment of entries
 * added since the base was built, and the base entries removed since then. Matching threads read a
 * snapshot without locks; writers build a new one and swap it in.
 */
final class Snapshot implements HotListMatcher {
    final MatchRule[] rules;
    final Clock clock;
    final List<String> listNames;
    final Segment base;
    final Segment delta;
    /** Sorted ordinals of base entries removed since the base was built. */
    final int[] removed;

    Snapshot(MatchRule[] rules, Clock clock, List<String> listNames, Segment base, Segment delta, int[] removed) {
        this.rules = rules;
        this.clock = clock;
        this.listNames = List.copyOf(listNames);
        this.base = base;
        this.delta = delta;
        this.removed = removed;
    }

    @Override
    public List<Hit> match(PlateRead read) {
        Jurisdiction state = read.plate().jurisdiction();
        List<Candidate> candidates = read.candidates();
        HitSet hits = null;
        for (int rank = 0, n = candidates.size(); rank < n; rank++) {
            Candidate c = candidates.get(rank);
            double factor = HitSet.candidateFactor(rank, c.confidence());
            hits = base.collect(c.text(), factor, this, state, hits);
            if (delta.size() > 0) {
                hits = delta.collect(c.text(), factor, this, state, hits);
            }
        }
        return hits == null ? List.of() : hits.hits();
    }

    /** The hits of a single reading {@code plate}. */
    List<Hit> match(Plate plate) {
        HitSet hits = base.collect(plate.text(), 1.0, this, plate.jurisdiction(), null);
        if (delta.size() > 0) {
            hits = delta.collect(plate.text(), 1.0, this, plate.jurisdiction(), hits);
        }
        return hits == null ? List.of() : hits.hits();
    }

    HitSet newHitSet(Jurisdiction state) {
        return new HitSet(this, state, clock.instant());
    }

    boolean isRemoved(Segment segment, int ordinal) {
        return segment == base && removed.length > 0 && Arrays.binarySearch(removed, ordinal) >= 0;
    }

    int size() {
        return base.size() - removed.length + delta.size();
    }
}
