package org.lpr.policy.retention;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import org.lpr.core.read.Jurisdiction;

/**
 * How long non-evidentiary reads are kept: the general order's 30 days by default, or the period the
 * agency's jurisdiction sets (some states set shorter or longer limits by statute).
 *
 * @param defaultPeriod the period where the jurisdiction sets none
 * @param byJurisdiction periods set by jurisdictions
 */
public record RetentionPolicy(Duration defaultPeriod, Map<Jurisdiction, Duration> byJurisdiction) {
    /** The general order's retention period: thirty days. */
    public static final Duration GENERAL_ORDER_PERIOD = Duration.ofDays(30);

    /** Validates and copies the components. */
    public RetentionPolicy {
        check(defaultPeriod, "default");
        byJurisdiction.forEach((j, d) -> check(d, Objects.requireNonNull(j, "jurisdiction").code()));
        byJurisdiction = Map.copyOf(byJurisdiction);
    }

    /** Thirty days everywhere. */
    public static RetentionPolicy standard() {
        return new RetentionPolicy(GENERAL_ORDER_PERIOD, Map.of());
    }

    /** A copy where {@code jurisdiction} keeps reads for {@code period}. */
    public RetentionPolicy with(Jurisdiction jurisdiction, Duration period) {
        Map<Jurisdiction, Duration> m = new EnumMap<>(Jurisdiction.class);
        m.putAll(byJurisdiction);
        m.put(jurisdiction, period);
        return new RetentionPolicy(defaultPeriod, m);
    }

    /** The retention period of {@code jurisdiction}. */
    public Duration periodFor(Jurisdiction jurisdiction) {
        return byJurisdiction.getOrDefault(jurisdiction, defaultPeriod);
    }

    private static void check(Duration d, String what) {
        Objects.requireNonNull(d, what + " retention period");
        if (d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(3650)) > 0) {
            throw new IllegalArgumentException(what + " retention period " + d + " must be positive and at most 10 years");
        }
    }
}
