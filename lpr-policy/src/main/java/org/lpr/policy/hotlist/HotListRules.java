package org.lpr.policy.hotlist;

import java.time.Duration;
import java.util.Objects;
import org.lpr.policy.purpose.ReferenceStrictness;

/**
 * How custom hot list entries are governed.
 *
 * @param maxReviewInterval the longest time allowed until an entry's next review
 * @param removalGrace how long past its review date an entry stays before it is removed
 * @param association whether an entry without a case or CAD reference (and without supervisor approval) is
 *     refused, or held for supervisor approval and flagged
 */
public record HotListRules(Duration maxReviewInterval, Duration removalGrace, ReferenceStrictness association) {
    /** Validates the components. */
    public HotListRules {
        Objects.requireNonNull(association, "association");
        if (maxReviewInterval.isNegative() || maxReviewInterval.isZero() || maxReviewInterval.compareTo(Duration.ofDays(366)) > 0) {
            throw new IllegalArgumentException("hot list review interval " + maxReviewInterval + " must be positive and at most a year");
        }
        if (removalGrace.isNegative() || removalGrace.compareTo(Duration.ofDays(90)) > 0) {
            throw new IllegalArgumentException("hot list removal grace " + removalGrace + " must be 0 to 90 days");
        }
    }

    /** Review at least every 90 days; removal 7 days after a missed review; entries without a reference need supervisor approval. */
    public static HotListRules standard() {
        return new HotListRules(Duration.ofDays(90), Duration.ofDays(7), ReferenceStrictness.FLAGGED);
    }
}
