package org.lpr.flock;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a Flock custom hot list, as Flock holds it.
 *
 * @param id Flock's id of the entry (empty for entries not yet created)
 * @param plate the plate, as Flock normalized it (O becomes 0, whitespace trimmed)
 * @param state Flock's state name ({@code missouri}, {@code new_york}, {@code washington_dc}); empty when not given
 * @param reason why the plate is listed
 * @param caseNumber the case number
 * @param expiry when alerts for the entry stop; empty when it does not expire
 * @param note the entry's note; empty when none
 */
public record FlockHotListEntry(Optional<String> id, String plate, Optional<String> state, String reason, String caseNumber,
        Optional<Instant> expiry, Optional<String> note) {
    /** Validates the components. */
    public FlockHotListEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(note, "note");
    }
}
