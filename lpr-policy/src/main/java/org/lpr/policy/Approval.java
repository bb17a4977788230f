package org.lpr.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A request held for a supervisor's approval (the second person), and its decision.
 *
 * @param id the approval's id
 * @param requesterId who asked
 * @param action what is to be approved (the audit action)
 * @param subject the request in words (query, entry), for the supervisor
 * @param reasons why approval is needed
 * @param requestedAt when it was asked for
 * @param approvedBy the approving supervisor; empty while pending
 * @param used whether the approved request has run
 */
public record Approval(
        String id,
        String requesterId,
        String action,
        String subject,
        List<String> reasons,
        Instant requestedAt,
        Optional<String> approvedBy,
        boolean used) {

    /** Validates and copies. */
    public Approval {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(requesterId, "requesterId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(subject, "subject");
        reasons = List.copyOf(reasons);
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(approvedBy, "approvedBy");
    }

    /** Whether a supervisor approved it. */
    public boolean isApproved() {
        return approvedBy.isPresent();
    }
}
