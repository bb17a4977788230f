package org.lpr.flock;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.spi.ReadQuery;
import org.lpr.policy.ExternalSearchGrant;
import org.lpr.policy.purpose.PurposeStatement;
import org.lpr.policy.purpose.Reference;

/**
 * What one {@code POST /reads/lookup} sends, derived only from an lpr-policy {@link ExternalSearchGrant} so that
 * Flock is asked exactly what the policy approved (optionally narrowed to a state).
 *
 * @param plate the full plate to look up (Flock looks up full plate characters, no wildcards)
 * @param state only reads of plates of this state; empty for any (Flock knows the 50 states, DC and Puerto Rico)
 * @param from start of the time range
 * @param to end of the time range, after {@code from}
 * @param reason why the lookup is done, as Flock audits it (3 to 500 characters): purpose, description and grant id
 * @param caseNumber the case report, CAD event or intelligence file number, when the reference is one
 * @param area only reads captured in this circle or box; empty for anywhere
 * @param cameraIds only reads of these Flock devices (filtered here; Flock has no such filter); empty for all
 * @param cameraKinds only reads of these kinds of camera (Flock devices are fixed); empty for all
 * @param pageSize reads per page, 1 to 50
 */
record ReadLookupRequest(String plate, Optional<Jurisdiction> state, Instant from, Instant to, String reason,
        Optional<String> caseNumber, Optional<ReadQuery.Area> area, Set<String> cameraIds, Set<CameraKind> cameraKinds, int pageSize) {

    /** The most reads Flock returns on one page. */
    static final int MAX_PAGE_SIZE = 50;
    private static final int MAX_REASON = 500;

    /** Validates every component, reporting all problems at once. */
    ReadLookupRequest {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(caseNumber, "caseNumber");
        Objects.requireNonNull(area, "area");
        cameraIds = Set.copyOf(cameraIds);
        cameraKinds = Set.copyOf(cameraKinds);
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
        if (reason == null || reason.strip().length() < 3 || reason.length() > MAX_REASON) {
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

    /**
     * The lookup {@code grant} approved, narrowed to {@code state}: its full plate, time range and area; Flock's
     * {@code reason} is the purpose, the description and the grant id (so Flock's audit and the agency's meet),
     * its {@code caseNumber} the case, CAD or intelligence file number; at most 50 reads a page.
     *
     * @throws IllegalArgumentException naming every part of the approved search Flock cannot run (no plate or a
     *     partial one, OCR-tolerant matching, a page offset)
     */
    static ReadLookupRequest of(ExternalSearchGrant grant, Optional<Jurisdiction> state) {
        ReadQuery q = grant.query();
        List<String> problems = new ArrayList<>();
        if (q.plate().isEmpty()) {
            problems.add("the approved search names no plate; Flock looks up one full plate");
        } else if (q.plate().get().isPartial()) {
            problems.add("plate " + q.plate().get().text() + " is partial; Flock looks up full plate characters only");
        }
        if (q.tolerant()) {
            problems.add("the approved search is OCR-tolerant; Flock matches the plate as given");
        }
        if (q.offset() != 0) {
            problems.add("the approved search starts at offset " + q.offset() + "; Flock pages by page id (use nextPage)");
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("grant " + grant.id() + " cannot run in Flock: " + String.join("; ", problems));
        }
        PurposeStatement p = grant.purpose();
        Optional<Reference> ref = p.reference();
        Optional<String> caseNumber = ref.filter(r -> r.kind() != Reference.Kind.DOCUMENTED_ACTIVITY).map(Reference::value);
        String activity = ref.filter(r -> r.kind() == Reference.Kind.DOCUMENTED_ACTIVITY).map(r -> "; " + r.value()).orElse("");
        String tag = " [" + grant.id() + "]";
        String reason = p.purpose().label() + ": " + p.description() + activity;
        if (reason.length() + tag.length() > MAX_REASON) {
            reason = reason.substring(0, MAX_REASON - tag.length());
        }
        return new ReadLookupRequest(q.plate().get().text(), state, q.from(), q.to(), reason + tag, caseNumber, q.area(), q.cameraIds(),
                q.cameraKinds(), Math.min(q.limit(), MAX_PAGE_SIZE));
    }
}
