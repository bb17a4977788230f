package org.lpr.policy.report;

import java.time.Instant;
import java.util.Objects;

/**
 * One flagged item of an audit report.
 *
 * @param flag what was flagged
 * @param userId the user it concerns (empty when it concerns a plate or the system)
 * @param subject the plate, day or action it concerns
 * @param at when (the first event it concerns)
 * @param detail a line for the auditor
 */
public record Finding(ReportFlag flag, String userId, String subject, Instant at, String detail) {
    /** Validates the components. */
    public Finding {
        Objects.requireNonNull(flag, "flag");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(detail, "detail");
    }
}
