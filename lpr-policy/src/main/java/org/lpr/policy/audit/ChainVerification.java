package org.lpr.policy.audit;

import java.util.List;

/**
 * The result of verifying an audit log's hash chain.
 *
 * @param records how many records were read
 * @param head the last record read
 * @param problems every break found, each naming the line and what is wrong; empty when the chain is intact
 */
public record ChainVerification(long records, ChainHead head, List<String> problems) {
    /** Copies the problems. */
    public ChainVerification {
        problems = List.copyOf(problems);
    }

    /** Whether no record was altered, removed, inserted or reordered. */
    public boolean intact() {
        return problems.isEmpty();
    }
}
