package org.lpr.policy.audit;

import java.util.Objects;

/**
 * The last record of an audit chain: keep it outside the log (forward it to an agency system) and pass it
 * to {@link HashChainedAuditLog#verify(java.nio.file.Path, java.util.Optional)} to also catch records cut
 * from the end of the log.
 *
 * @param seq the last record's sequence number (0 for an empty log)
 * @param hash the last record's hash ({@link AuditRecord#GENESIS} for an empty log)
 */
public record ChainHead(long seq, String hash) {
    /** Validates the components. */
    public ChainHead {
        Objects.requireNonNull(hash, "hash");
        if (seq < 0) {
            throw new IllegalArgumentException("chain head sequence " + seq + " is negative");
        }
    }
}
