package org.lpr.core.hotlist;

import java.util.List;
import org.lpr.core.read.PlateRead;

/** Checks reads against hot lists. Implementations are thread-safe and never block matching threads. */
public interface HotListMatcher {
    /** Every hit of {@code read}'s candidates against the current hot lists, each entry at most once. */
    List<Hit> match(PlateRead read);

    /** A matcher with no hot lists: never hits. */
    static HotListMatcher none() {
        return read -> List.of();
    }
}
