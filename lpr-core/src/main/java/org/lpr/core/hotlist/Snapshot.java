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
    /** Whether the delta holds entries; tested before it is probed, so that without one its probe is compiled out. */
    private final boolean hasDelta;

    Snapshot(MatchRule[] rules, Clock clock, List<String> listNames, Segment base, Segment delta, int[] removed) {
        this.rules = rules;
        this.clock = clock;
        this.listNames = List.copyOf(listNames);
        this.base = base;
        this.delta = delta;
        this.removed = removed;
        this.hasDelta = delta.size() > 0;
    }

    /**
     * Every hit of {@code read}. Kept small enough to be inlined into the caller: a read whose text
     * passes neither segment's filter and that has no alternative reading, the common case, returns
     * the shared empty list having touched only the read, the filters and nothing else.
     */
    @Override
    public List<Hit> match(PlateRead read) {
        String text = read.plate().text();
        if (!base.mayHit(text) && (!hasDelta || !delta.mayHit(text)) && read.candidates().size() == 1) {
            return List.of();
        }
        return collectAll(read);
    }

    private List<Hit> collectAll(PlateRead read) {
        Plate plate = read.plate();
        Jurisdiction state = plate.jurisdiction();
        // the best candidate's text equals the plate's: reading it from the plate spares a dereference
        HitSet hits = collect(plate.text(), 1.0, state, null);
        List<Candidate> candidates = read.candidates();
        for (int rank = 1, n = candidates.size(); rank < n; rank++) {
            Candidate c = candidates.get(rank);
            hits = collect(c.text(), HitSet.candidateFactor(rank, c.confidence()), state, hits);
        }
        return hits == null ? List.of() : hits.hits();
    }

    /** The hits of a single reading {@code plate}. */
    List<Hit> match(Plate plate) {
        HitSet hits = collect(plate.text(), 1.0, plate.jurisdiction(), null);
        return hits == null ? List.of() : hits.hits();
    }

    private HitSet collect(String text, double factor, Jurisdiction state, HitSet hits) {
        hits = base.collect(text, factor, this, state, hits);
        if (hasDelta) {
            hits = delta.collect(text, factor, this, state, hits);
        }
        return hits;
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
