package org.lpr.flock;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a custom hot list's entries.
 *
 * @param entries the entries on this page
 * @param totalResults how many entries the list holds, when Flock says
 * @param nextPage the cursor of the next page; empty on the last page
 */
public record EntryPage(List<FlockHotListEntry> entries, Optional<Long> totalResults, Optional<String> nextPage) {
    /** Copies the entries. */
    public EntryPage {
        entries = List.copyOf(entries);
        Objects.requireNonNull(totalResults, "totalResults");
        Objects.requireNonNull(nextPage, "nextPage");
    }
}
