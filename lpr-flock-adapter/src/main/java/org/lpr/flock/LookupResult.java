package org.lpr.flock;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lpr.core.read.PlateRead;

/**
 * One page of a Flock plate read lookup.
 *
 * @param reads the reads on this page, as SDK reads
 * @param totalItems how many reads Flock holds for the lookup in all
 * @param nextPageId the next page's id, for {@link FlockReadLookup#nextPage(LookupResult)}; empty on the last page
 * @param skipped reads Flock returned that the SDK could not read (bad plate or time), one line each
 */
public record LookupResult(List<PlateRead> reads, long totalItems, Optional<String> nextPageId, List<String> skipped) {
    /** Copies the lists. */
    public LookupResult {
        reads = List.copyOf(reads);
        Objects.requireNonNull(nextPageId, "nextPageId");
        skipped = List.copyOf(skipped);
    }
}
