package org.lpr.core.spi;

import java.util.List;
import org.lpr.core.read.PlateRead;

/**
 * One page of a historical search.
 *
 * @param reads the reads on this page, newest first
 * @param hasMore whether a next page exists
 */
public record ReadPage(List<PlateRead> reads, boolean hasMore) {
    /** Copies the reads. */
    public ReadPage {
        reads = List.copyOf(reads);
    }
}
