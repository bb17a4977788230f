package org.lpr.core.hotlist;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.lpr.core.read.PlateRead;

/**
 * A notification raised when a read matches one or more hot list entries. An alert alone does not
 * establish reasonable suspicion: it must be verified before any enforcement action.
 *
 * @param id unique alert id
 * @param read the read that matched
 * @param hits the matched entries, most urgent first
 * @param raisedAt when the alert was raised
 */
public record Alert(String id, PlateRead read, List<Hit> hits, Instant raisedAt) {
    /** Validates and orders the hits by priority, then score. */
    public Alert {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(read, "read");
        Objects.requireNonNull(raisedAt, "raisedAt");
        hits = hits.stream()
                .sorted(Comparator.comparingInt((Hit h) -> h.entry().priority()).thenComparing(Hit::score, Comparator.reverseOrder()))
                .toList();
        if (hits.isEmpty()) {
            throw new IllegalArgumentException("an alert needs at least one hit");
        }
    }

    /** The most urgent priority among the hits (1 is the most urgent). */
    public int priority() {
        return hits.get(0).entry().priority();
    }

    /** Whether every hit's state could be compared; if not, the officer must verify the state of issuance. */
    public boolean stateVerified() {
        return hits.stream().allMatch(Hit::stateVerified);
    }
}
