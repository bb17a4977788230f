package org.lpr.ncic;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A failed hot list refresh.
 *
 * @param source the source's name
 * @param at when the refresh failed
 * @param reason what went wrong, naming the file, URL or line
 * @param consecutiveFailures how many refreshes in a row have failed, this one included
 * @param lastGoodAsOf the instant of the list still in use; empty when no list was ever loaded
 */
public record RefreshFailure(String source, Instant at, String reason, int consecutiveFailures, Optional<Instant> lastGoodAsOf) {
    /** Validates the components. */
    public RefreshFailure {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(lastGoodAsOf, "lastGoodAsOf");
        if (consecutiveFailures < 1) {
            throw new IllegalArgumentException("consecutive failures " + consecutiveFailures + " must be at least 1");
        }
    }
}
