package org.lpr.policy.retention;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a retention purge did.
 *
 * @param at when it ran
 * @param period the retention period applied
 * @param cutoff reads captured before this were purged unless held
 * @param purged how many reads were deleted
 * @param remaining how many reads the store holds after the purge (held reads included)
 */
public record PurgeReport(Instant at, Duration period, Instant cutoff, long purged, long remaining) {
    /** Validates the components. */
    public PurgeReport {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(period, "period");
        Objects.requireNonNull(cutoff, "cutoff");
    }
}
