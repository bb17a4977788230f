package org.lpr.policy.sharing;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.lpr.core.read.PlateRead;

/**
 * Reads released to a partner agency, as logged.
 *
 * @param id the dissemination's id (in the audit log's reference)
 * @param agreementId the agreement it was made under
 * @param recipientOri the receiving agency's ORI
 * @param at when
 * @param reads the reads released
 */
public record Dissemination(String id, String agreementId, String recipientOri, Instant at, List<PlateRead> reads) {
    /** Validates and copies. */
    public Dissemination {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(agreementId, "agreementId");
        Objects.requireNonNull(recipientOri, "recipientOri");
        Objects.requireNonNull(at, "at");
        reads = List.copyOf(reads);
    }
}
