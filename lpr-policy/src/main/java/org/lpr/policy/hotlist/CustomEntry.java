package org.lpr.policy.hotlist;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.lpr.core.hotlist.HotListEntry;

/**
 * A custom hot list entry as the agency keeps it: the entry, who asked for and approved it, and where it
 * stands in its review cycle.
 *
 * @param entry the hot list entry
 * @param status whether it is waiting for approval, active or removed
 * @param requestedBy the user who asked for it
 * @param approvedBy the supervisor who approved it; empty when no approval was needed or given yet
 * @param createdAt when it was requested
 * @param reviewBy when it must next be reviewed
 * @param removedAt when it was removed; empty while not removed
 * @param removalReason why it was removed; empty while not removed
 */
public record CustomEntry(
        HotListEntry entry,
        Status status,
        String requestedBy,
        Optional<String> approvedBy,
        Instant createdAt,
        Instant reviewBy,
        Optional<Instant> removedAt,
        String removalReason) {

    /** Where a custom entry stands. */
    public enum Status {
        /** Waiting for a supervisor's approval; does not match reads. */
        PENDING_APPROVAL,
        /** Matching reads. */
        ACTIVE,
        /** Removed: no longer necessary, expired or overdue for review. */
        REMOVED
    }

    /** Validates the components. */
    public CustomEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(approvedBy, "approvedBy");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(reviewBy, "reviewBy");
        Objects.requireNonNull(removedAt, "removedAt");
        Objects.requireNonNull(removalReason, "removalReason");
    }

    /** The entry's id. */
    public String id() {
        return entry.id();
    }

    /** A copy with {@code newStatus}. */
    public CustomEntry withStatus(Status newStatus) {
        return new CustomEntry(entry, newStatus, requestedBy, approvedBy, createdAt, reviewBy, removedAt, removalReason);
    }

    /** A copy approved by {@code supervisorId} and active. */
    public CustomEntry approved(String supervisorId) {
        return new CustomEntry(entry, Status.ACTIVE, requestedBy, Optional.of(supervisorId), createdAt, reviewBy, removedAt, removalReason);
    }

    /** A copy with the next review date. */
    public CustomEntry reviewed(Instant nextReview) {
        return new CustomEntry(entry, status, requestedBy, approvedBy, createdAt, nextReview, removedAt, removalReason);
    }

    /** A copy removed at {@code at} for {@code reason}. */
    public CustomEntry removed(Instant at, String reason) {
        return new CustomEntry(entry, Status.REMOVED, requestedBy, approvedBy, createdAt, reviewBy, Optional.of(at), reason);
    }
}
