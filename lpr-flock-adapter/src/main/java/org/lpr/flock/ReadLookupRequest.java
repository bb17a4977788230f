package org.lpr.flock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.spi.ReadQuery;
import org.lpr.policy.purpose.PurposeStatement;
import org.lpr.policy.purpose.Reference;

/**
 * A plate read lookup in Flock ({@code POST /reads/lookup}): a full plate, a time range, why it is done and
 * for which case, optionally narrowed to a state and an area. Runs only through {@link FlockReadLookup},
 * after the agency's policy approved it.
 *
 * @param plate the full plate to look up (no wildcards: Flock looks up full plate characters)
 * @param state only reads of plates of this state; empty for any (Flock knows the 50 states, DC and Puerto Rico)
 * @param from start of the time range
 * @param to end of the time range, after {@code from}
 * @param reason why the lookup is done, as it will be audited by Flock (3 to 500 characters)
 * @param caseNumber the case number, when there is one
 * @param area only reads captured in this circle or box; empty for anywhere
 * @param pageSize reads per page, 1 to 50
 */
public record ReadLookupRequest(String plate, Optional<Jurisdiction> state, Instant from, Instant to, String reason,
        Optional<String> caseNumber, Optional<ReadQuery.Area> area, int pageSize) {

    /** The most reads Flock returns on one page. */
    public static final int MAX_PAGE_SIZE = 50;

    /** Validates every component, reporting all problems at once. */
    public ReadLookupRequest {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(area, "area");
        List<String> problems = new ArrayList<>();
        try {
            plate = Plate.normalize(plate);
        } catch (RuntimeException e) {
            problems.add(e.getMessage());
        }
        if (state.isPresent() && FlockMapping.flockState(state.get()).isEmpty()) {
            problems.add("state " + state.get().code() + " is not one Flock can filter by (the 50 states, DC and Puerto Rico)");
        }
        if (from == null || to == null || !from.isBefore(to)) {
            problems.add("time range " + from + " .. " + to + " is empty: 'from' must be before 'to'");
        }
        if (reason == null || reason.strip().length() < 3 || reason.length() > 500) {
            problems.add("reason must be 3 to 500 characters; Flock requires it so lookups can be audited");
        }
        if (caseNumber.isPresent() && caseNumber.get().isBlank()) {
            problems.add("case number is blank (use Optional.empty() when there is none)");
        }
        if (area.isPresent() && area.get() instanceof ReadQuery.Radius r && r.radiusMetres() > 2_000 * FlockReadLookup.METRES_PER_MILE) {
            problems.add("radius " + r.radiusMetres() + " m is more than Flock's 2,000 miles");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            problems.add("page size " + pageSize + " is outside 1.." + MAX_PAGE_SIZE);
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("Flock read lookup is invalid: " + String.join("; ", problems));
        }
    }

    /** A lookup of {@code plate} in {@code [from, to)} for {@code reason} and {@code caseNumber}, anywhere, 50 reads a page. */
    public static ReadLookupRequest of(String plate, Instant from, Instant to, String reason, String caseNumber) {
        return new ReadLookupRequest(plate, Optional.empty(), from, to, reason, Optional.of(caseNumber), Optional.empty(), MAX_PAGE_SIZE);
    }

    /**
     * A lookup of {@code plate} in {@code [from, to)} for an lpr-policy purpose statement: Flock's {@code reason}
     * is the purpose and its description, its {@code caseNumber} the statement's reference.
     */
    public static ReadLookupRequest of(String plate, Instant from, Instant to, PurposeStatement purpose) {
        String reason = purpose.purpose().label() + ": " + purpose.description();
        return new ReadLookupRequest(plate, Optional.empty(), from, to, reason.length() > 500 ? reason.substring(0, 500) : reason,
                purpose.reference().map(Reference::value), Optional.empty(), MAX_PAGE_SIZE);
    }

    /** A copy narrowed to {@code area}. */
    public ReadLookupRequest within(ReadQuery.Area where) {
        return new ReadLookupRequest(plate, state, from, to, reason, caseNumber, Optional.of(where), pageSize);
    }

    /** A copy narrowed to plates of {@code jurisdiction}. */
    public ReadLookupRequest inState(Jurisdiction jurisdiction) {
        return new ReadLookupRequest(plate, Optional.of(jurisdiction), from, to, reason, caseNumber, area, pageSize);
    }
}
