package org.lpr.core.audit;

import java.time.Instant;
import java.util.Objects;

/**
 * One audited event: who did what to LPR data, when, why, and with what outcome (the fields CJIS
 * Security Policy 5.4.1.1 asks for).
 *
 * @param at when it happened
 * @param userId who acted (or {@code "system"} for automated jobs such as purges)
 * @param agencyOri the acting user's agency
 * @param action what was done, e.g. {@code HISTORICAL_SEARCH}, {@code LOGIN_FAILED}, {@code PURGE}
 * @param purpose the stated purpose (empty when the action needs none)
 * @param reference case, CAD or other reference (empty when none)
 * @param query the query or object acted on, as text (empty when none)
 * @param resultCount how many records were returned or affected
 * @param outcome whether it was allowed
 * @param rule the policy rule that decided it (empty when none applied)
 */
public record AuditEvent(
        Instant at,
        String userId,
        String agencyOri,
        String action,
        String purpose,
        String reference,
        String query,
        long resultCount,
        Outcome outcome,
        String rule) {

    /** Whether the audited action was allowed. */
    public enum Outcome {
        /** The action was allowed and done. */
        ALLOWED,
        /** The action was refused. */
        DENIED,
        /** The action was allowed but flagged for review. */
        FLAGGED,
        /** The action failed for a technical reason. */
        FAILED
    }

    /** Validates that no component is missing. */
    public AuditEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(agencyOri, "agencyOri");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(purpose, "purpose");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(rule, "rule");
        if (action.isBlank()) {
            throw new IllegalArgumentException("audit action must not be blank");
        }
        if (resultCount < 0) {
            throw new IllegalArgumentException("audit result count " + resultCount + " is negative");
        }
    }
}
