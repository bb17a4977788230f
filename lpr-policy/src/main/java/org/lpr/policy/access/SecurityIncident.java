package org.lpr.policy.access;

import java.time.Instant;
import java.util.Objects;

/**
 * A security incident raised to administrators: something the order says shall be immediately
 * investigated and reported.
 *
 * @param at when it was detected
 * @param kind what was detected
 * @param userId the user involved ({@code "system"} when none)
 * @param agencyOri the user's agency (empty when none)
 * @param detail what happened, for the administrator
 */
public record SecurityIncident(Instant at, Kind kind, String userId, String agencyOri, String detail) {
    /** What kind of incident. */
    public enum Kind {
        /** A user was refused several times within a short window. */
        REPEATED_DENIALS,
        /** Several failed log-ins locked an account. */
        ACCOUNT_LOCKED,
        /** The audit log's hash chain is broken: records were altered, removed or reordered. */
        AUDIT_CHAIN_BROKEN,
        /** A user tried to reach data of an agency other than their own without an agreement. */
        CROSS_AGENCY_ACCESS
    }

    /** Validates the components. */
    public SecurityIncident {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(agencyOri, "agencyOri");
        Objects.requireNonNull(detail, "detail");
    }
}
