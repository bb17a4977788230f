package org.lpr.core.hotlist;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A named hot list as delivered by its source at one instant.
 *
 * @param name the list's name, e.g. {@code "NCIC stolen vehicles (MSHP extract)"}
 * @param source where it came from (a file, an NCIC extract, a partner agency's ORI, an API)
 * @param asOf when the source produced this version
 * @param entries its entries
 */
public record HotList(String name, String source, Instant asOf, List<HotListEntry> entries) {
    /** Validates and copies the entries. */
    public HotList {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("hot list name must not be blank");
        }
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(asOf, "asOf");
        entries = List.copyOf(entries);
    }
}
