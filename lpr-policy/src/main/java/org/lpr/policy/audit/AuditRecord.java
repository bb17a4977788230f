package org.lpr.policy.audit;

import java.util.Objects;
import org.lpr.core.audit.AuditEvent;

/**
 * One record of the hash-chained audit log: an event, its place in the chain, and the hashes that tie
 * it to the record before.
 *
 * @param seq the record's sequence number, 1 for the first record ever written
 * @param event the audited event
 * @param previousHash the hash of record {@code seq - 1} (64 zeros for the first)
 * @param hash SHA-256 over this record's canonical form, which includes {@code previousHash}
 */
public record AuditRecord(long seq, AuditEvent event, String previousHash, String hash) {
    /** The previous hash of the first record. */
    public static final String GENESIS = "0".repeat(64);

    /** Validates the components. */
    public AuditRecord {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(hash, "hash");
        if (seq < 1) {
            throw new IllegalArgumentException("audit record sequence " + seq + " must be at least 1");
        }
    }
}
