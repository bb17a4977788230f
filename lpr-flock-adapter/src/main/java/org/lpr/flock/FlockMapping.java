package org.lpr.flock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.lpr.core.HotListFormatException;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlatePattern;

/** Translates between the SDK's hot list entries and Flock's JSON. */
final class FlockMapping {
    private FlockMapping() {
    }

    /** Flock's state name for {@code j}: the 50 states, DC and Puerto Rico; empty for any other. */
    static Optional<String> flockState(Jurisdiction j) {
        if (j == Jurisdiction.DC) {
            return Optional.of("washington_dc");
        }
        if (j == Jurisdiction.PR) {
            return Optional.of("puerto_rico");
        }
        if (j.country() != Jurisdiction.Country.US || j == Jurisdiction.AS || j == Jurisdiction.GU || j == Jurisdiction.MP
                || j == Jurisdiction.VI) {
            return Optional.empty();
        }
        return Optional.of(j.displayName().toLowerCase(Locale.ROOT).replace(' ', '_'));
    }

    /** The jurisdiction of Flock's state name ({@code new_york}, {@code washington_dc}). */
    static Jurisdiction jurisdiction(String flockState) {
        return Jurisdiction.parse(flockState.replace('_', ' '));
    }

    /**
     * The {@code CreateHotlistEntryRequest} for {@code e}.
     *
     * @throws IllegalArgumentException when the entry is a partial plate, which Flock cannot hold
     */
    static ObjectNode toFlock(ObjectMapper json, HotListEntry e) {
        if (e.plate().isPartial()) {
            throw new IllegalArgumentException("entry " + e.id() + " is a partial plate (" + e.plate() + "); Flock custom lists hold full plates only");
        }
        ObjectNode n = json.createObjectNode();
        n.put("plate", e.plate().text());
        n.put("reason", e.reason().isBlank() ? e.listType().name().toLowerCase(Locale.ROOT).replace('_', ' ') : e.reason());
        // Flock requires a case number; an entry without a reference is documented by its id
        n.put("caseNumber", e.reference().isBlank() ? e.id() : e.reference());
        flockState(e.jurisdiction()).ifPresent(s -> n.put("state", s));
        e.expiresAt().ifPresent(t -> n.put("expiry", t.toString()));
        String note = e.attributes().get("NOTE");
        if (note != null && !note.isBlank()) {
            n.putObject("note").put("message", note);
        }
        return n;
    }

    /** The key Flock de-duplicates entries by: plate as Flock normalizes it (O becomes 0) and state. */
    static String key(ObjectNode flockEntry) {
        return flockEntry.path("plate").asText().replace('O', '0') + "/" + flockEntry.path("state").asText("");
    }

    /** Reads a {@code HotlistEntry}; missing optional fields are empty. */
    static FlockHotListEntry parseEntry(JsonNode n) {
        if (!n.isObject()) {
            throw new HotListFormatException("Flock hot list entry is not a JSON object: " + abbreviate(n.toString()));
        }
        JsonNode plate = n.get("plate");
        if (plate == null || !plate.isTextual()) {
            throw new HotListFormatException("Flock hot list entry " + n.path("id").asText("(no id)") + " has no plate");
        }
        Optional<Instant> expiry = text(n, "expiry").map(s -> {
            try {
                return Instant.parse(s);
            } catch (DateTimeParseException e) {
                throw new HotListFormatException("Flock hot list entry " + n.path("id").asText("(no id)") + " has expiry '" + s
                        + "' that is not an ISO 8601 instant");
            }
        });
        return new FlockHotListEntry(text(n, "id"), plate.asText(), text(n, "state"), text(n, "reason").orElse(""),
                text(n, "caseNumber").orElse(""), expiry, Optional.ofNullable(n.get("note")).flatMap(x -> text(x, "message")));
    }

    /**
     * The SDK entry for a Flock entry of list {@code listId}: a {@link ListType#CUSTOM} entry.
     *
     * @throws org.lpr.core.LprException when its plate or state is invalid
     */
    static HotListEntry toCore(FlockHotListEntry f, String listId) {
        PlatePattern plate = PlatePattern.of(f.plate());
        Jurisdiction state = f.state().map(FlockMapping::jurisdiction).orElse(Jurisdiction.UNKNOWN);
        String id = f.id().orElse(plate.text() + "/" + state.code());
        if (id.length() > 64) {
            id = id.substring(0, 64);
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("FLOCK_HOTLIST", listId);
        f.note().ifPresent(n -> attributes.put("NOTE", n));
        return new HotListEntry(id, plate, state, ListType.CUSTOM, ListType.CUSTOM.defaultPriority(), f.reason(), f.caseNumber(),
                f.expiry(), attributes);
    }

    static Optional<String> text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() || !v.isValueNode() ? Optional.empty() : Optional.of(v.asText());
    }

    static String abbreviate(String s) {
        return s.length() > 120 ? s.substring(0, 120) + "..." : s;
    }
}
