package org.lpr.policy;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits beyond which a historical search is "wide" and needs a supervisor's approval before it runs.
 *
 * @param maxTimeSpan the longest time range
 * @param maxCameras the most cameras named in one search
 * @param maxPartnerAgencies the most partner agencies whose reads one search may include
 * @param maxSpanWithoutPlate the longest time range of a search that names no plate (an area or camera sweep)
 */
public record SearchLimits(Duration maxTimeSpan, int maxCameras, int maxPartnerAgencies, Duration maxSpanWithoutPlate) {
    /** Validates the components. */
    public SearchLimits {
        Objects.requireNonNull(maxTimeSpan, "maxTimeSpan");
        Objects.requireNonNull(maxSpanWithoutPlate, "maxSpanWithoutPlate");
        if (maxTimeSpan.isNegative() || maxTimeSpan.isZero()) {
            throw new IllegalArgumentException("search time span limit " + maxTimeSpan + " must be positive");
        }
        if (maxSpanWithoutPlate.isNegative() || maxSpanWithoutPlate.isZero()) {
            throw new IllegalArgumentException("plate-less search span limit " + maxSpanWithoutPlate + " must be positive");
        }
        if (maxCameras < 1) {
            throw new IllegalArgumentException("camera limit " + maxCameras + " must be at least 1");
        }
        if (maxPartnerAgencies < 0) {
            throw new IllegalArgumentException("partner agency limit " + maxPartnerAgencies + " is negative");
        }
    }

    /** Seven days, 25 cameras, 2 partner agencies, and 2 hours for a search without a plate. */
    public static SearchLimits standard() {
        return new SearchLimits(Duration.ofDays(7), 25, 2, Duration.ofHours(2));
    }
}
