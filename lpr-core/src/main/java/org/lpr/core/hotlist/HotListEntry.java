package org.lpr.core.hotlist;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlatePattern;

/**
 * One plate (or partial plate) on a hot list, with why it is there.
 *
 * @param id the entry's id, unique within its list (for NCIC entries the NIC number)
 * @param plate the plate's characters; may be partial ({@code 7XK*4}) for witness descriptions
 * @param jurisdiction the state of issuance, or {@link Jurisdiction#UNKNOWN} to match any state
 * @param listType what the list is for
 * @param priority 1 (most urgent) to 9
 * @param reason why the plate is on the list, as documented by the person who entered it
 * @param reference case number, CAD event number or other documented reference; empty when none
 * @param expiresAt when the entry stops matching; empty when it does not expire
 * @param attributes further descriptive fields by NCIC code (VMA make, VMO model, VCO colour, LIY year, ORI, ...)
 */
public record HotListEntry(
        String id,
        PlatePattern plate,
        Jurisdiction jurisdiction,
        ListType listType,
        int priority,
        String reason,
        String reference,
        Optional<Instant> expiresAt,
        Map<String, String> attributes) {

    /** Validates every component and copies the attributes. */
    public HotListEntry {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("hot list entry id must be 1 to 64 characters");
        }
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        Objects.requireNonNull(listType, "listType");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(reference, "reference");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (priority < 1 || priority > 9) {
            throw new IllegalArgumentException("hot list entry priority " + priority + " is outside 1..9");
        }
        attributes = Map.copyOf(attributes);
    }

    /** An entry with the list type's default priority, no expiry and no attributes. */
    public static HotListEntry of(String id, String plate, Jurisdiction jurisdiction, ListType listType, String reason, String reference) {
        return new HotListEntry(id, PlatePattern.of(plate), jurisdiction, listType, listType.defaultPriority(),
                reason, reference, Optional.empty(), Map.of());
    }

    /** Whether the entry has expired at {@code now}; expired entries never match. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt.isPresent() && !now.isBefore(expiresAt.get());
    }

    /** A copy that expires at {@code instant}. */
    public HotListEntry withExpiry(Instant instant) {
        return new HotListEntry(id, plate, jurisdiction, listType, priority, reason, reference, Optional.of(instant), attributes);
    }
}
