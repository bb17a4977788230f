package org.lpr.core.hotlist;

import java.time.Instant;
import java.util.Objects;

/**
 * The recorded outcome of an alert, documented by the officer who handled it.
 *
 * @param alertId the alert it closes
 * @param outcome what happened
 * @param officerId who recorded it
 * @param recordedAt when
 * @param notes free-text details (may be empty)
 */
public record Disposition(String alertId, Outcome outcome, String officerId, Instant recordedAt, String notes) {
    /** What happened after an alert. */
    public enum Outcome {
        /** Verified and enforcement or investigative action was taken. */
        ACTION_TAKEN,
        /** Verified, and no action was taken. */
        NO_ACTION,
        /** The plate characters on the vehicle did not match the read (an OCR misread). */
        MISREAD,
        /** The characters matched but the state of issuance did not. */
        STATE_MISMATCH,
        /** NCIC, dispatch or MDT said the entry is no longer active. */
        ENTRY_NOT_ACTIVE,
        /** The vehicle could not be located. */
        NOT_LOCATED
    }

    /** Validates the components. */
    public Disposition {
        Objects.requireNonNull(alertId, "alertId");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(recordedAt, "recordedAt");
        Objects.requireNonNull(notes, "notes");
        if (officerId == null || officerId.isBlank()) {
            throw new IllegalArgumentException("a disposition needs the recording officer's id");
        }
    }
}
