package org.lpr.policy;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lpr.core.read.PlatePattern;
import org.lpr.core.spi.ReadQuery;
import org.lpr.policy.purpose.PurposeStatement;
import org.lpr.policy.purpose.Reference;

/**
 * The policy's approval of one search of an external system, issued only by
 * {@link LprPolicy#authorizeExternalSearch} after the request passed every rule and was audited. It names
 * what was approved (system, purpose, reference, plate, time range, area, agencies) so the system's adapter
 * runs exactly that; it cannot be made any other way.
 *
 * <p>The adapter calls {@link #redeem(String)} once before it sends the search, then
 * {@link #reportResults(long)} for every page of results (or {@link #reportFailure(String)}); each is
 * written to the audit log. A grant runs one search, within {@link #expiresAt()}.
 */
public final class ExternalSearchGrant {
    /** Where a grant is in its life. */
    enum State {
        ISSUED, REDEEMED, CLOSED
    }

    private final String id;
    private final String system;
    private final String userId;
    private final String agencyOri;
    private final PurposeStatement purpose;
    private final ReadQuery query;
    private final Set<String> agencies;
    private final Optional<String> approvedBy;
    private final List<String> flags;
    private final Instant issuedAt;
    private final Instant expiresAt;
    private final Session session;
    private final LprPolicy issuer;
    /** Guarded by the issuing policy's lock. */
    State state = State.ISSUED;
    /** Result reports made so far; guarded by the issuing policy's lock. */
    int reports;

    ExternalSearchGrant(String id, String system, String userId, String agencyOri, PurposeStatement purpose, ReadQuery query,
            Set<String> agencies, Optional<String> approvedBy, List<String> flags, Instant issuedAt, Instant expiresAt,
            Session session, LprPolicy issuer) {
        this.id = Objects.requireNonNull(id, "id");
        this.system = Objects.requireNonNull(system, "system");
        this.userId = Objects.requireNonNull(userId, "userId");
        this.agencyOri = Objects.requireNonNull(agencyOri, "agencyOri");
        this.purpose = Objects.requireNonNull(purpose, "purpose");
        this.query = Objects.requireNonNull(query, "query");
        this.agencies = Set.copyOf(agencies);
        this.approvedBy = Objects.requireNonNull(approvedBy, "approvedBy");
        this.flags = List.copyOf(flags);
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.session = Objects.requireNonNull(session, "session");
        this.issuer = Objects.requireNonNull(issuer, "issuer");
    }

    /** The grant's id, written to every audit record of the search. */
    public String id() {
        return id;
    }

    /** The external system the search was approved for. */
    public String system() {
        return system;
    }

    /** The user the search was approved for. */
    public String userId() {
        return userId;
    }

    /** The user's agency ORI. */
    public String agencyOri() {
        return agencyOri;
    }

    /** The approved purpose, reference and description. */
    public PurposeStatement purpose() {
        return purpose;
    }

    /** The approved reference (case, CAD, intelligence file or documented activity); empty where the agency allowed none and flagged it. */
    public Optional<Reference> reference() {
        return purpose.reference();
    }

    /** The approved query: plate, time range, area, cameras and page size. */
    public ReadQuery query() {
        return query;
    }

    /** The approved plate; empty for a search without one. */
    public Optional<PlatePattern> plate() {
        return query.plate();
    }

    /** Start of the approved time range, inclusive. */
    public Instant from() {
        return query.from();
    }

    /** End of the approved time range, exclusive. */
    public Instant to() {
        return query.to();
    }

    /** The approved area; empty for anywhere. */
    public Optional<ReadQuery.Area> area() {
        return query.area();
    }

    /** The agencies (ORIs) whose reads the search may return: the agency's own and partners covered by agreements. */
    public Set<String> agencies() {
        return agencies;
    }

    /** The supervisor who approved the search as second person; empty when none was needed. */
    public Optional<String> approvedBy() {
        return approvedBy;
    }

    /** The rules that flagged the search for audit (e.g. {@code REFERENCE}, {@code SENSITIVE_PLACE}); empty when none. */
    public List<String> flags() {
        return flags;
    }

    /** When the policy approved the search. */
    public Instant issuedAt() {
        return issuedAt;
    }

    /** The grant must be redeemed before this instant. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /**
     * Claims the grant for one search of {@code system}, just before the adapter sends it.
     *
     * @throws PolicyDeniedException (audited) when the grant is for another system, was already used or
     *     closed, has expired, or its user's session has ended
     */
    public void redeem(String system) {
        issuer.redeemExternal(this, system);
    }

    /** Records in the audit log that the search returned {@code count} more results (one call per page). */
    public void reportResults(long count) {
        issuer.reportExternalResults(this, count);
    }

    /** Records in the audit log that the search failed for {@code reason}; the grant cannot be used afterwards. */
    public void reportFailure(String reason) {
        issuer.reportExternalFailure(this, reason);
    }

    Session session() {
        return session;
    }

    @Override
    public String toString() {
        return "ExternalSearchGrant[" + id + " " + system + " for " + userId + "@" + agencyOri + ", " + purpose.purpose()
                + (purpose.reference().isPresent() ? " " + purpose.referenceText() : "") + "]";
    }
}
