package org.lpr.policy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.lpr.core.audit.AuditEvent;
import org.lpr.core.hotlist.Alert;
import org.lpr.core.hotlist.Disposition;
import org.lpr.core.hotlist.Hit;
import org.lpr.core.hotlist.HotList;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlatePattern;
import org.lpr.core.read.PlateRead;
import org.lpr.core.spi.AlertSink;
import org.lpr.core.spi.AuditSink;
import org.lpr.core.spi.ReadPage;
import org.lpr.core.spi.ReadQuery;
import org.lpr.core.spi.ReadStore;
import org.lpr.policy.access.Action;
import org.lpr.policy.access.Role;
import org.lpr.policy.access.SecurityIncident;
import org.lpr.policy.access.SecurityIncidentSink;
import org.lpr.policy.access.TrainingRecord;
import org.lpr.policy.access.TrainingTopic;
import org.lpr.policy.access.User;
import org.lpr.policy.alert.AlertCase;
import org.lpr.policy.alert.AlertState;
import org.lpr.policy.alert.ConfirmationPolicy;
import org.lpr.policy.alert.StatusConfirmation;
import org.lpr.policy.alert.VisualVerification;
import org.lpr.policy.audit.AuditAction;
import org.lpr.policy.audit.AuditRecord;
import org.lpr.policy.audit.ChainVerification;
import org.lpr.policy.audit.HashChainedAuditLog;
import org.lpr.policy.hotlist.CustomEntry;
import org.lpr.policy.hotlist.CustomEntryRequest;
import org.lpr.policy.hotlist.HotListRules;
import org.lpr.policy.place.SensitivePlace;
import org.lpr.policy.purpose.Purpose;
import org.lpr.policy.purpose.PurposeStatement;
import org.lpr.policy.purpose.Reference;
import org.lpr.policy.purpose.ReferenceStrictness;
import org.lpr.policy.purpose.Screening;
import org.lpr.policy.purpose.TermScreen;
import org.lpr.policy.report.AuditReport;
import org.lpr.policy.report.ReportSettings;
import org.lpr.policy.report.TransparencyReport;
import org.lpr.policy.retention.HoldBasis;
import org.lpr.policy.retention.HoldRequest;
import org.lpr.policy.retention.PurgeReport;
import org.lpr.policy.retention.RetentionPolicy;
import org.lpr.policy.sharing.Dissemination;
import org.lpr.policy.sharing.DisseminationRequest;
import org.lpr.policy.sharing.SharingAgreement;
import org.lpr.policy.sharing.SharingScope;

/**
 * The agency's LPR general order, enforced: the one way to LPR data. Every historical search (of stored
 * reads, or of an external system through {@link #authorizeExternalSearch}), read view, export,
 * dissemination, hot list change and alert action goes through a signed-in {@link Session}
 * with a purpose and a reference, is checked against the rules ({@link Rule}), and is written to the
 * hash-chained audit log before it is answered. A refused request throws {@link PolicyDeniedException}
 * naming the rule.
 *
 * <pre>{@code
 * LprPolicy policy = LprPolicy.builder()
 *         .agency("Odessa Police Department", "MO0920200", Jurisdiction.MO)
 *         .readStore(store)
 *         .auditLog(HashChainedAuditLog.open(Path.of("audit/lpr-audit.jsonl")))
 *         .administrator(admin, password)
 *         .build();
 * Session s = policy.login("det.smith", password);
 * ReadPage page = policy.search(s, SearchRequest.of(ReadQuery.forPlate("ABC123", from, to),
 *         PurposeStatement.of(Purpose.STOLEN_VEHICLE, Reference.caseReport("24-001234"), "stolen Silverado")));
 * }</pre>
 *
 * <p>The policy keeps users, sessions, approvals, custom hot list entries, alert states and agreements in
 * memory; reads live in the {@link ReadStore} and audit records in the log. Thread-safe. There is no
 * API that computes speeds between cameras.
 */
public final class LprPolicy implements AutoCloseable {
    private static final Duration APPROVAL_VALIDITY = Duration.ofHours(24);
    /** How long an external search grant may wait before its adapter redeems it. */
    static final Duration GRANT_VALIDITY = Duration.ofMinutes(15);
    private static final String PROGRAM_PURPOSE = "The agency uses license plate recognition to assist with legitimate law "
            + "enforcement and public safety purposes while protecting individual privacy and civil liberties: to locate stolen "
            + "or wanted vehicles, locate missing or endangered persons, support criminal investigations, and provide real-time "
            + "alerts associated with criminal activity and public safety threats.";

    private final String agencyName;
    private final String homeOri;
    private final Jurisdiction jurisdiction;
    private final ReadStore store;
    private final AuditTrail trail;
    private final Clock clock;
    private final ReferenceStrictness strictness;
    private final SearchLimits limits;
    private final List<SensitivePlace> places;
    private final HotListRules hotListRules;
    private final ConfirmationPolicy confirmationPolicy;
    private final RetentionPolicy retention;
    private final Map<Jurisdiction, Set<Purpose>> forbiddenForSharing;
    private final ReportSettings reportSettings;
    private final TermScreen screen;
    private final int passwordIterations;
    private final Duration sessionIdleTimeout;
    private final int maxFailedLogins;
    private final Duration lockout;
    private final RequestValidator validator = new RequestValidator();

    private final Map<String, UserState> users = new LinkedHashMap<>();
    private final Map<Session, Instant> sessions = new IdentityHashMap<>();
    private final Map<String, PendingApproval> approvals = new LinkedHashMap<>();
    private final Map<String, SharingAgreement> agreements = new LinkedHashMap<>();
    private final Map<String, Map<LocalDate, Integer>> quotaUse = new HashMap<>();
    private final Map<String, CustomEntry> customEntries = new LinkedHashMap<>();
    private final Map<String, AlertCase> alerts = new LinkedHashMap<>();
    private long nextId = 1;

    private static final class UserState {
        User user;
        Credentials credentials;
        int failedLogins;
        Instant lockedUntil = Instant.MIN;

        UserState(User user, Credentials credentials) {
            this.user = user;
            this.credentials = credentials;
        }
    }

    private record PendingApproval(Approval approval, String fingerprint) {
    }

    /** A reason a request needs approval, with the rule it comes from. */
    private record Hold(Rule rule, String reason) {
    }

    private LprPolicy(Builder b) {
        this.agencyName = b.agencyName;
        this.homeOri = b.agencyOri;
        this.jurisdiction = b.jurisdiction;
        this.store = b.store;
        this.clock = b.clock;
        this.trail = new AuditTrail(b.auditLog, b.auditSinks, b.incidentSinks, b.clock, b.denialThreshold, b.denialWindow);
        this.strictness = b.strictness;
        this.limits = b.limits;
        this.places = List.copyOf(b.places);
        this.hotListRules = b.hotListRules;
        this.confirmationPolicy = b.confirmationPolicy;
        this.retention = b.retention;
        Map<Jurisdiction, Set<Purpose>> f = new EnumMap<>(Jurisdiction.class);
        b.forbiddenForSharing.forEach((j, ps) -> f.put(j, Set.copyOf(ps)));
        this.forbiddenForSharing = f;
        this.reportSettings = b.reportSettings;
        this.screen = b.screen;
        this.passwordIterations = b.passwordIterations;
        this.sessionIdleTimeout = b.sessionIdleTimeout;
        this.maxFailedLogins = b.maxFailedLogins;
        this.lockout = b.lockout;
        for (var e : b.administrators.entrySet()) {
            users.put(e.getKey().id(), new UserState(e.getKey(), Credentials.of(e.getValue(), passwordIterations)));
        }
        for (SharingAgreement a : b.agreements) {
            agreements.put(a.id(), a);
        }
        ChainVerification v = trail.log().verify();
        if (!v.intact()) {
            trail.incident(SecurityIncident.Kind.AUDIT_CHAIN_BROKEN, AuditTrail.SYSTEM, homeOri,
                    "audit log " + trail.log().file() + " is broken at start: " + String.join("; ", v.problems()));
        }
    }

    /** A builder for the policy. */
    public static Builder builder() {
        return new Builder();
    }

    // ------------------------------------------------------------------ sessions

    /**
     * Signs a user in. Failed log-ins are audited; after the configured number in a row the account is
     * locked for a while and a security incident is raised (CJIS 5.5.3).
     *
     * @throws PolicyDeniedException with {@link Rule#AUTHENTICATED_SESSION} or {@link Rule#ACCOUNT_LOCKOUT}
     */
    public synchronized Session login(String userId, char[] password) {
        String who = printable(userId);
        Instant now = clock.instant();
        UserState st = userId == null ? null : users.get(userId);
        if (st == null || password == null) {
            trail.record(who, "", AuditAction.LOGIN_FAILED, "", "", "unknown user or no password", 0, AuditEvent.Outcome.DENIED,
                    Rule.AUTHENTICATED_SESSION.name());
            throw new PolicyDeniedException(Rule.AUTHENTICATED_SESSION, "log-in failed for '" + who + "'");
        }
        String ori = st.user.agencyOri();
        if (now.isBefore(st.lockedUntil)) {
            trail.record(who, ori, AuditAction.LOGIN_FAILED, "", "", "account locked until " + st.lockedUntil, 0,
                    AuditEvent.Outcome.DENIED, Rule.ACCOUNT_LOCKOUT.name());
            throw new PolicyDeniedException(Rule.ACCOUNT_LOCKOUT, "account '" + who + "' is locked until " + st.lockedUntil
                    + " after " + maxFailedLogins + " failed log-ins");
        }
        if (!st.user.active()) {
            trail.record(who, ori, AuditAction.LOGIN_FAILED, "", "", "account disabled", 0, AuditEvent.Outcome.DENIED,
                    Rule.AUTHENTICATED_SESSION.name());
            throw new PolicyDeniedException(Rule.AUTHENTICATED_SESSION, "log-in failed for '" + who + "': account disabled");
        }
        if (!st.credentials.matches(password)) {
            st.failedLogins++;
            trail.record(who, ori, AuditAction.LOGIN_FAILED, "", "", "wrong password, attempt " + st.failedLogins, 0,
                    AuditEvent.Outcome.DENIED, Rule.AUTHENTICATED_SESSION.name());
            if (st.failedLogins >= maxFailedLogins) {
                st.lockedUntil = now.plus(lockout);
                st.failedLogins = 0;
                trail.incident(SecurityIncident.Kind.ACCOUNT_LOCKED, who, ori,
                        maxFailedLogins + " failed log-ins in a row; account locked until " + st.lockedUntil);
            }
            throw new PolicyDeniedException(Rule.AUTHENTICATED_SESSION, "log-in failed for '" + who + "'");
        }
        st.failedLogins = 0;
        trail.record(who, ori, AuditAction.LOGIN, "", "", "", 0, AuditEvent.Outcome.ALLOWED, "");
        Session s = new Session(st.user.id(), ori, now, this);
        sessions.put(s, now);
        return s;
    }

    /** Ends a session; later use of it is refused. */
    public synchronized void logout(Session session) {
        if (session != null && sessions.remove(session) != null) {
            trail.record(session.userId(), session.agencyOri(), AuditAction.LOGOUT, "", "", "", 0, AuditEvent.Outcome.ALLOWED, "");
        }
    }

    // ------------------------------------------------------------------ administration

    /** Adds a user (administrators only); audited as a privilege change. */
    public synchronized User addUser(Session admin, User user, char[] initialPassword) {
        String q = "add user=" + (user == null ? "" : user.id() + ";roles=" + user.roles());
        User a = authorize(admin, Action.MANAGE_USERS, AuditAction.PRIVILEGE_CHANGE, q);
        Objects.requireNonNull(user, "user");
        if (users.containsKey(user.id())) {
            throw deny(a, AuditAction.PRIVILEGE_CHANGE, null, q, Rule.VALID_REQUEST, "user '" + user.id() + "' already exists");
        }
        checkRolesFitAgency(a, user, q);
        if (initialPassword == null || initialPassword.length < 12) {
            throw deny(a, AuditAction.PRIVILEGE_CHANGE, null, q, Rule.VALID_REQUEST, "initial password of '" + user.id()
                    + "' must be at least 12 characters");
        }
        users.put(user.id(), new UserState(user, Credentials.of(initialPassword, passwordIterations)));
        trail.record(a.id(), a.agencyOri(), AuditAction.PRIVILEGE_CHANGE, "", "", q, 1, AuditEvent.Outcome.ALLOWED, "");
        return user;
    }

    /** Gives a user a role (administrators only, never to themselves); audited as a privilege change. */
    public synchronized User grantRole(Session admin, String userId, Role role) {
        return changeRoles(admin, userId, role, true);
    }

    /** Takes a role from a user (administrators only, never from themselves); audited as a privilege change. */
    public synchronized User revokeRole(Session admin, String userId, Role role) {
        return changeRoles(admin, userId, role, false);
    }

    /** Enables or disables a user; disabling ends their sessions. Audited as a privilege change. */
    public synchronized User setActive(Session admin, String userId, boolean active) {
        String q = (active ? "enable" : "disable") + " user=" + userId;
        User a = authorize(admin, Action.MANAGE_USERS, AuditAction.PRIVILEGE_CHANGE, q);
        UserState st = existingUser(a, AuditAction.PRIVILEGE_CHANGE, userId, q);
        st.user = st.user.withActive(active);
        if (!active) {
            sessions.keySet().removeIf(s -> s.userId().equals(userId));
        }
        trail.record(a.id(), a.agencyOri(), AuditAction.PRIVILEGE_CHANGE, "", "", q, 1, AuditEvent.Outcome.ALLOWED, "");
        return st.user;
    }

    /**
     * Records a user's department-approved training (administrators only). Users without current training
     * covering every topic of {@link TrainingTopic} are refused access.
     */
    public synchronized User recordTraining(Session admin, String userId, TrainingRecord record) {
        String q = "user=" + userId + ";course=" + (record == null ? "" : record.course() + ";topics=" + record.topics()
                + ";expires=" + record.expiresAt());
        User a = authorize(admin, Action.MANAGE_USERS, AuditAction.TRAINING_RECORDED, q);
        Objects.requireNonNull(record, "record");
        UserState st = existingUser(a, AuditAction.TRAINING_RECORDED, userId, q);
        st.user = st.user.withTraining(record);
        trail.record(a.id(), a.agencyOri(), AuditAction.TRAINING_RECORDED, "", "", q, 1, AuditEvent.Outcome.ALLOWED, "");
        return st.user;
    }

    /** The user {@code userId} as recorded (administrators only; audited). */
    public synchronized Optional<User> user(Session admin, String userId) {
        String q = "user=" + userId;
        User a = authorize(admin, Action.MANAGE_USERS, AuditAction.PRIVILEGE_CHANGE, q);
        UserState st = users.get(userId);
        trail.record(a.id(), a.agencyOri(), AuditAction.PRIVILEGE_CHANGE, "", "", "view " + q, st == null ? 0 : 1,
                AuditEvent.Outcome.ALLOWED, "");
        return st == null ? Optional.empty() : Optional.of(st.user);
    }

    /** Records an information-sharing agreement (administrators only). */
    public synchronized void recordAgreement(Session admin, SharingAgreement agreement) {
        String q = "record agreement=" + (agreement == null ? "" : agreement.id() + ";partner=" + agreement.partnerOri()
                + ";purposes=" + agreement.allowedPurposes() + ";scopes=" + agreement.scopes() + ";expires=" + agreement.expiresAt()
                + ";quota=" + agreement.dailyQueryQuota());
        User a = authorize(admin, Action.MANAGE_AGREEMENTS, AuditAction.AGREEMENT_CHANGE, q);
        Objects.requireNonNull(agreement, "agreement");
        Set<Purpose> forbidden = forbiddenForSharing.getOrDefault(jurisdiction, Set.of());
        Set<Purpose> clash = agreement.allowedPurposes().stream().filter(forbidden::contains).collect(Collectors.toSet());
        if (!clash.isEmpty()) {
            throw deny(a, AuditAction.AGREEMENT_CHANGE, null, q, Rule.SHARING_FORBIDDEN_PURPOSE, "agreement " + agreement.id()
                    + " allows " + clash + ", which " + jurisdiction.displayName() + " forbids sharing LPR data for");
        }
        agreements.put(agreement.id(), agreement);
        trail.record(a.id(), a.agencyOri(), AuditAction.AGREEMENT_CHANGE, "", agreement.id(), q, 1, AuditEvent.Outcome.ALLOWED, "");
    }

    /** Ends an information-sharing agreement now (administrators only). */
    public synchronized void endAgreement(Session admin, String agreementId) {
        String q = "end agreement=" + agreementId;
        User a = authorize(admin, Action.MANAGE_AGREEMENTS, AuditAction.AGREEMENT_CHANGE, q);
        SharingAgreement old = agreements.get(agreementId);
        if (old == null) {
            throw deny(a, AuditAction.AGREEMENT_CHANGE, null, q, Rule.VALID_REQUEST, "no agreement '" + agreementId + "'");
        }
        Instant now = clock.instant();
        Instant start = old.effectiveFrom().isBefore(now) ? old.effectiveFrom() : now.minusSeconds(1);
        agreements.put(agreementId, new SharingAgreement(old.id(), old.partnerOri(), old.partnerName(), old.allowedPurposes(),
                old.scopes(), start, now, old.dailyQueryQuota()));
        trail.record(a.id(), a.agencyOri(), AuditAction.AGREEMENT_CHANGE, "", agreementId, q, 1, AuditEvent.Outcome.ALLOWED, "");
    }

    // ------------------------------------------------------------------ approvals

    /**
     * Approves a held request as the second person: a supervisor other than the requester. The requester
     * then repeats the same request naming the approval; it runs once.
     */
    public synchronized Approval approve(Session supervisor, String approvalId) {
        String q = "approval=" + approvalId;
        User s = authorize(supervisor, Action.APPROVE, AuditAction.APPROVAL_GRANTED, q);
        PendingApproval p = approvals.get(approvalId);
        if (p == null) {
            throw deny(s, AuditAction.APPROVAL_GRANTED, null, q, Rule.VALID_REQUEST, "no pending approval '" + approvalId + "'");
        }
        if (p.approval().requesterId().equals(s.id())) {
            throw deny(s, AuditAction.APPROVAL_GRANTED, null, q, Rule.SECOND_PERSON_APPROVAL,
                    "supervisor '" + s.id() + "' cannot approve their own request " + approvalId + "; a second person must");
        }
        if (p.approval().isApproved()) {
            throw deny(s, AuditAction.APPROVAL_GRANTED, null, q, Rule.VALID_REQUEST, "approval " + approvalId + " was already given");
        }
        Approval a = p.approval();
        Approval granted = new Approval(a.id(), a.requesterId(), a.action(), a.subject(), a.reasons(), a.requestedAt(),
                Optional.of(s.id()), false);
        approvals.put(approvalId, new PendingApproval(granted, p.fingerprint()));
        trail.record(s.id(), s.agencyOri(), AuditAction.APPROVAL_GRANTED, "", approvalId,
                q + ";requester=" + a.requesterId() + ";for=" + a.action() + ";" + a.subject(), 1, AuditEvent.Outcome.ALLOWED,
                String.join(",", a.reasons().stream().map(r -> r.split(":", 2)[0]).distinct().toList()));
        return granted;
    }

    /** The approvals waiting for a supervisor (supervisors only; audited). */
    public synchronized List<Approval> pendingApprovals(Session supervisor) {
        User s = authorize(supervisor, Action.APPROVE, AuditAction.APPROVAL_REQUESTED, "list pending approvals");
        List<Approval> out = approvals.values().stream().map(PendingApproval::approval).filter(a -> !a.isApproved()).toList();
        trail.record(s.id(), s.agencyOri(), AuditAction.APPROVAL_REQUESTED, "", "", "list pending approvals", out.size(),
                AuditEvent.Outcome.ALLOWED, "");
        return out;
    }

    // ------------------------------------------------------------------ reads

    /**
     * Runs a historical search over stored reads. The user needs a role allowing searches, current
     * training, an authorized purpose with a specific reference (or, where the agency allows it, the search
     * is flagged), free text that targets no protected characteristic, and a supervisor's approval for
     * wide searches and searches reaching sensitive places. Partner agencies' users search only under an
     * agreement in force, within its purposes and quota. Results hold only reads of agencies the user may see.
     *
     * @throws PolicyDeniedException naming the rule when refused; {@link ApprovalRequiredException} when a
     *     supervisor must approve first
     */
    public synchronized ReadPage search(Session session, SearchRequest request) {
        String q = request == null || request.query() == null ? "" : QueryText.of(request.query(), request.partnerAgencies() == null ? Set.of() : request.partnerAgencies());
        CheckedSearch c = checkSearch(session, request, request, AuditAction.HISTORICAL_SEARCH, "search", q);
        ReadPage page = store.search(request.query());
        List<PlateRead> visible = page.reads().stream().filter(r -> c.agencies().contains(r.camera().agencyOri())).toList();
        trail.record(c.user().id(), c.user().agencyOri(), AuditAction.HISTORICAL_SEARCH, c.purpose().purpose().name(), c.purpose().referenceText(),
                c.auditQuery(), visible.size(), c.outcome(), String.join(",", c.flags()));
        return new ReadPage(visible, page.hasMore());
    }

    /**
     * Approves a historical search of an external system (a vendor's cloud such as Flock Safety) under exactly
     * the rules of {@link #search}: role, current training, an authorized purpose with a specific reference (or
     * flagged where the agency allows it), no prohibited purpose, free text that targets no protected
     * characteristic, a supervisor's approval for wide searches and searches reaching sensitive places, and
     * sharing agreements, purposes and quotas for partner agencies. The approval or refusal is audited as
     * {@code EXTERNAL_SEARCH}; the returned grant is the only thing the system's adapter accepts, and the
     * results it reports are audited as {@code EXTERNAL_SEARCH_RESULT}. Nothing is read from the read store.
     *
     * @throws PolicyDeniedException naming the rule when refused; {@link ApprovalRequiredException} when a
     *     supervisor must approve first
     */
    public synchronized ExternalSearchGrant authorizeExternalSearch(Session session, ExternalSearch request) {
        SearchRequest search = request == null ? null : request.search();
        String q = "system=" + (request == null ? "" : printable(request.system())) + ";"
                + (search == null || search.query() == null ? "" : QueryText.of(search.query(), search.partnerAgencies() == null ? Set.of() : search.partnerAgencies()));
        CheckedSearch c = checkSearch(session, request, search, AuditAction.EXTERNAL_SEARCH, "external " + (request == null ? "" : request.system()), q);
        Instant now = clock.instant();
        String id = "EXT-" + newId();
        trail.record(c.user().id(), c.user().agencyOri(), AuditAction.EXTERNAL_SEARCH, c.purpose().purpose().name(), c.purpose().referenceText(),
                c.auditQuery() + ";grant=" + id, 0, c.outcome(), String.join(",", c.flags()));
        return new ExternalSearchGrant(id, request.system(), c.user().id(), c.user().agencyOri(), c.purpose(), search.query(), c.agencies(),
                c.approvedBy().isEmpty() ? Optional.empty() : Optional.of(c.approvedBy()), c.flags(), now, now.plus(GRANT_VALIDITY), session, this);
    }

    synchronized void redeemExternal(ExternalSearchGrant g, String system) {
        String q = grantQuery(g) + ";redeem";
        String problem = !g.system().equals(system) ? "grant " + g.id() + " was issued for " + g.system() + ", not " + printable(system)
                : g.state == ExternalSearchGrant.State.REDEEMED ? "grant " + g.id() + " was already used; each search needs its own approval"
                : g.state == ExternalSearchGrant.State.CLOSED ? "grant " + g.id() + " was closed after a failure"
                : !clock.instant().isBefore(g.expiresAt()) ? "grant " + g.id() + " expired at " + g.expiresAt()
                : "";
        if (!problem.isEmpty()) {
            trail.denied(g.userId(), g.agencyOri(), AuditAction.EXTERNAL_SEARCH, g.purpose().purpose().name(), g.purpose().referenceText(), q,
                    Rule.AUDIT_LOGGED, true);
            throw new PolicyDeniedException(Rule.AUDIT_LOGGED, problem);
        }
        UserState st = users.get(g.userId());
        if (!sessions.containsKey(g.session()) || st == null || !st.user.active()) {
            g.state = ExternalSearchGrant.State.CLOSED;
            trail.denied(g.userId(), g.agencyOri(), AuditAction.EXTERNAL_SEARCH, g.purpose().purpose().name(), g.purpose().referenceText(), q,
                    Rule.AUTHENTICATED_SESSION, true);
            throw new PolicyDeniedException(Rule.AUTHENTICATED_SESSION, "the session grant " + g.id() + " was issued in has ended; sign in again");
        }
        g.state = ExternalSearchGrant.State.REDEEMED;
    }

    synchronized void reportExternalResults(ExternalSearchGrant g, long count) {
        if (g.state != ExternalSearchGrant.State.REDEEMED) {
            throw new IllegalStateException("results of grant " + g.id() + " can be reported only after it was redeemed, not while " + g.state);
        }
        if (count < 0) {
            throw new IllegalArgumentException("result count " + count + " is negative");
        }
        g.reports++;
        trail.record(g.userId(), g.agencyOri(), AuditAction.EXTERNAL_SEARCH_RESULT, g.purpose().purpose().name(), g.purpose().referenceText(),
                grantQuery(g) + ";page=" + g.reports, count, AuditEvent.Outcome.ALLOWED, "");
    }

    synchronized void reportExternalFailure(ExternalSearchGrant g, String reason) {
        g.state = ExternalSearchGrant.State.CLOSED;
        String why = printable(reason, 300).replace(';', ',');
        trail.record(g.userId(), g.agencyOri(), AuditAction.EXTERNAL_SEARCH_RESULT, g.purpose().purpose().name(), g.purpose().referenceText(),
                grantQuery(g) + ";failure=" + why, 0, AuditEvent.Outcome.FAILED, "");
    }

    private static String grantQuery(ExternalSearchGrant g) {
        return "system=" + g.system() + ";grant=" + g.id() + ";plate=" + g.plate().map(p -> p.text()).orElse("");
    }

    /** A search request that passed every rule, with what its audit record needs. */
    private record CheckedSearch(User user, PurposeStatement purpose, Set<String> agencies, String approvedBy, List<String> flags,
            String auditQuery) {
        AuditEvent.Outcome outcome() {
            return flags.isEmpty() ? AuditEvent.Outcome.ALLOWED : AuditEvent.Outcome.FLAGGED;
        }
    }

    /**
     * The rules of a historical search, for stored reads and external systems alike; every refusal is
     * audited under {@code audit} and thrown. {@code validated} is the request object as the caller gave it.
     */
    private CheckedSearch checkSearch(Session session, Object validated, SearchRequest request, AuditAction audit, String kind, String q) {
        User u = authorize(session, Action.HISTORICAL_SEARCH, audit, q);
        validate(u, audit, validated, q);
        PurposeStatement p = request.purpose();
        boolean partnerUser = !u.agencyOri().equals(homeOri);
        List<String> flags = new ArrayList<>();
        List<Hold> holds = new ArrayList<>();
        checkPurpose(u, audit, p, q, partnerUser, flags, holds);
        Set<String> dataOris = new LinkedHashSet<>();
        dataOris.add(homeOri);
        Optional<SharingAgreement> partnerAgreement = Optional.empty();
        if (partnerUser) {
            if (!request.partnerAgencies().isEmpty()) {
                throw deny(u, audit, p, q, Rule.AGENCY_CONTROL,
                        "a partner agency's user may search only " + agencyName + "'s reads, not " + request.partnerAgencies());
            }
            partnerAgreement = Optional.of(agreementFor(u, u.agencyOri(), SharingScope.HISTORICAL_SEARCH, p, audit, q));
        } else {
            for (String ori : request.partnerAgencies()) {
                if (!ori.equals(homeOri)) {
                    agreementFor(u, ori, SharingScope.HISTORICAL_SEARCH, p, audit, q);
                    dataOris.add(ori);
                }
            }
        }
        ReadQuery query = request.query();
        Duration span = Duration.between(query.from(), query.to());
        if (span.compareTo(limits.maxTimeSpan()) > 0) {
            holds.add(new Hold(Rule.WIDE_SEARCH, "WIDE_SEARCH: time span " + span.toHours() + " h exceeds the limit of " + limits.maxTimeSpan().toHours() + " h"));
        }
        if (query.cameraIds().size() > limits.maxCameras()) {
            holds.add(new Hold(Rule.WIDE_SEARCH, "WIDE_SEARCH: " + query.cameraIds().size() + " cameras exceed the limit of " + limits.maxCameras()));
        }
        if (dataOris.size() - 1 > limits.maxPartnerAgencies()) {
            holds.add(new Hold(Rule.WIDE_SEARCH, "WIDE_SEARCH: " + (dataOris.size() - 1) + " partner agencies exceed the limit of " + limits.maxPartnerAgencies()));
        }
        if (query.plate().isEmpty() && span.compareTo(limits.maxSpanWithoutPlate()) > 0) {
            holds.add(new Hold(Rule.WIDE_SEARCH, "WIDE_SEARCH: a search without a plate over " + span.toMinutes()
                    + " min exceeds the limit of " + limits.maxSpanWithoutPlate().toMinutes() + " min"));
        }
        if (query.area().isPresent()) {
            for (SensitivePlace place : places) {
                if (place.touches(query.area().get())) {
                    holds.add(new Hold(Rule.SENSITIVE_PLACE, "SENSITIVE_PLACE: search area reaches " + place.kind() + " '" + place.name() + "'"));
                    if (!flags.contains(Rule.SENSITIVE_PLACE.name())) {
                        flags.add(Rule.SENSITIVE_PLACE.name());
                    }
                }
            }
        }
        if (holds.stream().anyMatch(h -> h.rule() == Rule.WIDE_SEARCH)) {
            flags.add(Rule.WIDE_SEARCH.name());
        }
        String approvedBy = gate(u, audit, p, q, fingerprint(kind, u.id(), q, p), holds, request.approvalId());
        partnerAgreement.ifPresent(a -> consumeQuota(u, a, audit, p, q));
        String auditQuery = q + (approvedBy.isEmpty() ? "" : ";approvedBy=" + approvedBy)
                + partnerAgreement.map(a -> ";agreement=" + a.id()).orElse("");
        return new CheckedSearch(u, p, dataOris, approvedBy, flags, auditQuery);
    }

    /**
     * Shows one stored read, under the same rules as a search; a read of another agency is refused unless
     * an agreement covers it, and the attempt is reported as a security incident.
     */
    public synchronized Optional<PlateRead> viewRead(Session session, ViewRequest request) {
        String q = request == null ? "" : "read=" + request.readId();
        User u = authorize(session, Action.VIEW_READ, AuditAction.READ_VIEW, q);
        validate(u, AuditAction.READ_VIEW, request, q);
        PurposeStatement p = request.purpose();
        boolean partnerUser = !u.agencyOri().equals(homeOri);
        List<String> flags = new ArrayList<>();
        List<Hold> holds = new ArrayList<>();
        checkPurpose(u, AuditAction.READ_VIEW, p, q, partnerUser, flags, holds);
        Optional<SharingAgreement> agreement = partnerUser
                ? Optional.of(agreementFor(u, u.agencyOri(), SharingScope.READ_VIEW, p, AuditAction.READ_VIEW, q))
                : Optional.empty();
        String approvedBy = gate(u, AuditAction.READ_VIEW, p, q, fingerprint("view", u.id(), q, p), holds, request.approvalId());
        Optional<PlateRead> read = store.find(request.readId());
        if (read.isPresent()) {
            checkOwner(u, read.get(), AuditAction.READ_VIEW, p, q);
        }
        agreement.ifPresent(a -> consumeQuota(u, a, AuditAction.READ_VIEW, p, q));
        String auditQuery = q + read.map(r -> ";plate=" + r.plate().text()).orElse("") + (approvedBy.isEmpty() ? "" : ";approvedBy=" + approvedBy);
        trail.record(u.id(), u.agencyOri(), AuditAction.READ_VIEW, p.purpose().name(), p.referenceText(), auditQuery,
                read.isPresent() ? 1 : 0, flags.isEmpty() ? AuditEvent.Outcome.ALLOWED : AuditEvent.Outcome.FLAGGED, String.join(",", flags));
        return read;
    }

    /** Exports reads out of the system for a case file or a prosecutor; every read must be one the user may see. */
    public synchronized List<PlateRead> export(Session session, ExportRequest request) {
        String q = request == null || request.readIds() == null ? "" : "export reads=" + request.readIds().size() + ";to=" + request.destination();
        User u = authorize(session, Action.EXPORT, AuditAction.EXPORT, q);
        validate(u, AuditAction.EXPORT, request, q);
        PurposeStatement p = request.purpose();
        List<String> flags = new ArrayList<>();
        List<Hold> holds = new ArrayList<>();
        checkPurpose(u, AuditAction.EXPORT, p, q, false, flags, holds);
        String approvedBy = gate(u, AuditAction.EXPORT, p, q, fingerprint("export", u.id(), q + request.readIds(), p), holds, request.approvalId());
        List<PlateRead> out = new ArrayList<>();
        for (String id : request.readIds()) {
            PlateRead r = store.find(id).orElseThrow(() -> deny(u, AuditAction.EXPORT, p, q, Rule.VALID_REQUEST, "read '" + id + "' is not stored"));
            checkOwner(u, r, AuditAction.EXPORT, p, q);
            out.add(r);
        }
        trail.record(u.id(), u.agencyOri(), AuditAction.EXPORT, p.purpose().name(), p.referenceText(),
                q + (approvedBy.isEmpty() ? "" : ";approvedBy=" + approvedBy), out.size(),
                flags.isEmpty() ? AuditEvent.Outcome.ALLOWED : AuditEvent.Outcome.FLAGGED, String.join(",", flags));
        return List.copyOf(out);
    }

    /**
     * Gives reads to a partner agency under an agreement in force that allows dissemination for the
     * purpose; purposes the jurisdiction forbids for sharing are refused, also when only the description
     * reveals them. Only the agency's own reads are given.
     */
    public synchronized Dissemination disseminate(Session session, DisseminationRequest request) {
        String q = request == null || request.readIds() == null ? "" : "disseminate reads=" + request.readIds().size()
                + ";recipient=" + request.recipientOri() + ";to=" + request.recipient();
        User u = authorize(session, Action.DISSEMINATE, AuditAction.DISSEMINATION, q);
        validate(u, AuditAction.DISSEMINATION, request, q);
        PurposeStatement p = request.purpose();
        List<String> flags = new ArrayList<>();
        List<Hold> holds = new ArrayList<>();
        if (u.agencyOri().equals(request.recipientOri()) || homeOri.equals(request.recipientOri())) {
            throw deny(u, AuditAction.DISSEMINATION, p, q, Rule.VALID_REQUEST, "recipient " + request.recipientOri() + " is the agency itself");
        }
        checkPurpose(u, AuditAction.DISSEMINATION, p, q, true, flags, holds);
        SharingAgreement a = agreementFor(u, request.recipientOri(), SharingScope.DISSEMINATION, p, AuditAction.DISSEMINATION, q, Rule.DISSEMINATION);
        String approvedBy = gate(u, AuditAction.DISSEMINATION, p, q, fingerprint("disseminate", u.id(), q + request.readIds(), p), holds, request.approvalId());
        List<PlateRead> reads = new ArrayList<>();
        for (String id : request.readIds()) {
            PlateRead r = store.find(id).orElseThrow(() -> deny(u, AuditAction.DISSEMINATION, p, q, Rule.VALID_REQUEST, "read '" + id + "' is not stored"));
            if (!r.camera().agencyOri().equals(homeOri)) {
                throw deny(u, AuditAction.DISSEMINATION, p, q, Rule.DISSEMINATION, "read '" + id + "' belongs to agency "
                        + r.camera().agencyOri() + "; only " + agencyName + "'s own reads may be disseminated");
            }
            reads.add(r);
        }
        String id = "DIS-" + newId();
        trail.record(u.id(), u.agencyOri(), AuditAction.DISSEMINATION, p.purpose().name(), p.referenceText(),
                q + ";agreement=" + a.id() + ";dissemination=" + id + (approvedBy.isEmpty() ? "" : ";approvedBy=" + approvedBy),
                reads.size(), flags.isEmpty() ? AuditEvent.Outcome.ALLOWED : AuditEvent.Outcome.FLAGGED, String.join(",", flags));
        return new Dissemination(id, a.id(), request.recipientOri(), clock.instant(), reads);
    }

    // ------------------------------------------------------------------ retention

    /** Places an evidentiary hold so reads survive the retention purge; returns how many reads are held. */
    public synchronized int placeHold(Session session, HoldRequest request) {
        String q = request == null || request.readIds() == null ? "" : "hold reads=" + request.readIds().size() + ";basis=" + request.basis();
        User u = authorize(session, Action.HOLD_EVIDENCE, AuditAction.HOLD, q);
        validate(u, AuditAction.HOLD, request, q);
        String ref = holdReference(request.basis(), request.reference());
        int held = store.hold(request.readIds(), ref);
        trail.record(u.id(), u.agencyOri(), AuditAction.HOLD, request.basis().name(), ref, q + ";reason=" + request.reason(), held,
                AuditEvent.Outcome.ALLOWED, Rule.EVIDENTIARY_HOLD.name());
        return held;
    }

    /** Releases an evidentiary hold; its reads fall back under the retention period. Returns how many were released. */
    public synchronized int releaseHold(Session session, HoldBasis basis, Reference reference, String reason) {
        String ref = basis == null || reference == null ? "" : holdReference(basis, reference);
        String q = "release hold=" + ref + ";reason=" + reason;
        User u = authorize(session, Action.HOLD_EVIDENCE, AuditAction.HOLD_RELEASE, q);
        if (basis == null || reference == null || reason == null || reason.isBlank()) {
            throw deny(u, AuditAction.HOLD_RELEASE, null, q, Rule.VALID_REQUEST, "releasing a hold needs its basis, reference and a reason");
        }
        int released = store.release(ref);
        trail.record(u.id(), u.agencyOri(), AuditAction.HOLD_RELEASE, basis.name(), ref, q, released, AuditEvent.Outcome.ALLOWED,
                Rule.EVIDENTIARY_HOLD.name());
        return released;
    }

    /**
     * Purges every read older than the retention period of the agency's jurisdiction that is not under an
     * evidentiary hold; audited with the count. Run it at least daily (an automated job; no session).
     */
    public synchronized PurgeReport purgeExpiredReads() {
        Instant now = clock.instant();
        Duration period = retention.periodFor(jurisdiction);
        Instant cutoff = now.minus(period);
        long purged = store.purgeBefore(cutoff);
        long remaining = store.count();
        trail.record(AuditTrail.SYSTEM, homeOri, AuditAction.PURGE, "", "", "cutoff=" + cutoff + ";period=" + period
                + ";jurisdiction=" + jurisdiction.code() + ";remaining=" + remaining, purged, AuditEvent.Outcome.ALLOWED, Rule.RETENTION.name());
        return new PurgeReport(now, period, cutoff, purged, remaining);
    }

    /** Removes audit records older than the audit retention (at least a year); the prune is itself chained. */
    public synchronized long pruneAuditLog() {
        HashChainedAuditLog log = trail.log();
        return log.pruneBefore(clock.instant().minus(log.retention()), AuditTrail.SYSTEM, homeOri);
    }

    // ------------------------------------------------------------------ hot lists

    /**
     * Requests a custom hot list entry. The reason is documented and screened; with a specific case, CAD,
     * intelligence or investigative reference the entry is active at once, otherwise it waits for a
     * supervisor's approval (or is refused where the agency requires a reference). The review date may be
     * at most the configured interval away.
     */
    public synchronized CustomEntry requestHotListEntry(Session session, CustomEntryRequest request) {
        String q = request == null ? "" : "plate=" + safePlate(request.plate()) + ";state=" + request.jurisdiction() + ";type=" + request.listType();
        User u = authorize(session, Action.REQUEST_HOT_LIST_ENTRY, AuditAction.HOT_LIST_ADD, q);
        validate(u, AuditAction.HOT_LIST_ADD, request, q);
        PurposeStatement p = request.purpose();
        Instant now = clock.instant();
        List<String> flags = new ArrayList<>();
        List<Hold> holds = new ArrayList<>();
        // a hot list entry's association is governed by the hot list rules below, not the search strictness
        checkPurpose(u, AuditAction.HOT_LIST_ADD, p, q, false, flags, holds, false);
        Screening reason = screen.screen(request.reason());
        if (reason.verdict() == Screening.Verdict.REFUSE) {
            throw deny(u, AuditAction.HOT_LIST_ADD, p, q, refusalRule(reason), "hot list reason refused: " + reason.describe());
        }
        if (reason.verdict() == Screening.Verdict.REVIEW) {
            holds.add(new Hold(Rule.PROTECTED_CHARACTERISTICS, "PROTECTED_CHARACTERISTICS: reason held for review: " + reason.describe()));
        }
        if (!request.reviewBy().isAfter(now) || request.reviewBy().isAfter(now.plus(hotListRules.maxReviewInterval()))) {
            throw deny(u, AuditAction.HOT_LIST_ADD, p, q, Rule.HOT_LIST_REVIEW, "review date " + request.reviewBy()
                    + " must be after now and at most " + hotListRules.maxReviewInterval().toDays() + " days away");
        }
        if (!p.hasSpecificReference()) {
            if (hotListRules.association() == ReferenceStrictness.REQUIRED) {
                throw deny(u, AuditAction.HOT_LIST_ADD, p, q, Rule.HOT_LIST_ASSOCIATION,
                        "a custom hot list entry needs a case number, CAD event number or investigative reference");
            }
            holds.add(new Hold(Rule.HOT_LIST_ASSOCIATION, "HOT_LIST_ASSOCIATION: no case, CAD or investigative reference; supervisory approval needed"));
            flags.add(Rule.HOT_LIST_ASSOCIATION.name());
        }
        PlatePattern plate;
        try {
            plate = PlatePattern.of(request.plate());
        } catch (RuntimeException e) {
            throw deny(u, AuditAction.HOT_LIST_ADD, p, q, Rule.VALID_REQUEST, e.getMessage());
        }
        String id = "CUSTOM-" + newId();
        HotListEntry entry = new HotListEntry(id, plate, request.jurisdiction(), request.listType(), request.priority(),
                request.reason(), p.referenceText(), request.expiresAt(), Map.of("requestedBy", u.id(), "purpose", p.purpose().name()));
        CustomEntry.Status status = holds.isEmpty() ? CustomEntry.Status.ACTIVE : CustomEntry.Status.PENDING_APPROVAL;
        CustomEntry ce = new CustomEntry(entry, status, u.id(), Optional.empty(), now, request.reviewBy(), Optional.empty(), "");
        customEntries.put(id, ce);
        flags.addAll(holds.stream().map(h -> h.rule().name()).filter(r -> !flags.contains(r)).toList());
        trail.record(u.id(), u.agencyOri(), AuditAction.HOT_LIST_ADD, p.purpose().name(), p.referenceText(),
                q + ";entry=" + id + ";status=" + status + ";reviewBy=" + request.reviewBy() + ";reason=" + request.reason(), 1,
                flags.isEmpty() ? AuditEvent.Outcome.ALLOWED : AuditEvent.Outcome.FLAGGED, String.join(",", flags));
        return ce;
    }

    /** Approves a pending custom entry as a supervisor other than the requester; the entry becomes active. */
    public synchronized CustomEntry approveHotListEntry(Session supervisor, String entryId) {
        String q = "entry=" + entryId;
        User s = authorize(supervisor, Action.APPROVE, AuditAction.HOT_LIST_APPROVE, q);
        CustomEntry ce = existingEntry(s, AuditAction.HOT_LIST_APPROVE, entryId, q);
        if (ce.status() != CustomEntry.Status.PENDING_APPROVAL) {
            throw deny(s, AuditAction.HOT_LIST_APPROVE, null, q, Rule.VALID_REQUEST, "entry " + entryId + " is " + ce.status() + ", not pending approval");
        }
        if (ce.requestedBy().equals(s.id())) {
            throw deny(s, AuditAction.HOT_LIST_APPROVE, null, q, Rule.SECOND_PERSON_APPROVAL,
                    "supervisor '" + s.id() + "' cannot approve their own hot list entry " + entryId);
        }
        CustomEntry approved = ce.approved(s.id());
        customEntries.put(entryId, approved);
        trail.record(s.id(), s.agencyOri(), AuditAction.HOT_LIST_APPROVE, "", ce.entry().reference(), q + ";plate=" + ce.entry().plate(),
                1, AuditEvent.Outcome.ALLOWED, Rule.HOT_LIST_ASSOCIATION.name());
        return approved;
    }

    /** Records a review of a custom entry that is still necessary, setting its next review date. */
    public synchronized CustomEntry reviewHotListEntry(Session supervisor, String entryId, Instant nextReview, String note) {
        String q = "entry=" + entryId + ";nextReview=" + nextReview + ";note=" + note;
        User s = authorize(supervisor, Action.MANAGE_HOT_LIST, AuditAction.HOT_LIST_REVIEW, q);
        CustomEntry ce = existingEntry(s, AuditAction.HOT_LIST_REVIEW, entryId, q);
        Instant now = clock.instant();
        if (ce.status() == CustomEntry.Status.REMOVED) {
            throw deny(s, AuditAction.HOT_LIST_REVIEW, null, q, Rule.VALID_REQUEST, "entry " + entryId + " was removed");
        }
        if (nextReview == null || !nextReview.isAfter(now) || nextReview.isAfter(now.plus(hotListRules.maxReviewInterval()))
                || note == null || note.isBlank()) {
            throw deny(s, AuditAction.HOT_LIST_REVIEW, null, q, Rule.HOT_LIST_REVIEW, "a review needs a note and a next review date after now and at most "
                    + hotListRules.maxReviewInterval().toDays() + " days away");
        }
        CustomEntry reviewed = ce.reviewed(nextReview);
        customEntries.put(entryId, reviewed);
        trail.record(s.id(), s.agencyOri(), AuditAction.HOT_LIST_REVIEW, "", ce.entry().reference(), q, 1, AuditEvent.Outcome.ALLOWED,
                Rule.HOT_LIST_REVIEW.name());
        return reviewed;
    }

    /** Removes a custom entry that is no longer necessary (its requester or a hot list manager). */
    public synchronized CustomEntry removeHotListEntry(Session session, String entryId, String reason) {
        String q = "entry=" + entryId + ";reason=" + reason;
        User u = authorize(session, Action.REQUEST_HOT_LIST_ENTRY, AuditAction.HOT_LIST_REMOVE, q);
        CustomEntry ce = existingEntry(u, AuditAction.HOT_LIST_REMOVE, entryId, q);
        if (!ce.requestedBy().equals(u.id()) && !u.may(Action.MANAGE_HOT_LIST)) {
            throw deny(u, AuditAction.HOT_LIST_REMOVE, null, q, Rule.AUTHORIZED_ROLE, "only the requester or a hot list manager may remove entry " + entryId);
        }
        if (reason == null || reason.isBlank()) {
            throw deny(u, AuditAction.HOT_LIST_REMOVE, null, q, Rule.VALID_REQUEST, "removal reason is missing");
        }
        CustomEntry removed = ce.removed(clock.instant(), reason);
        customEntries.put(entryId, removed);
        trail.record(u.id(), u.agencyOri(), AuditAction.HOT_LIST_REMOVE, "", ce.entry().reference(), q, 1, AuditEvent.Outcome.ALLOWED,
                Rule.HOT_LIST_REVIEW.name());
        return removed;
    }

    /**
     * Removes custom entries that are no longer necessary: expired, or overdue for review past the grace
     * period. Returns the removed entries; each removal is audited. Run it at least daily (no session).
     */
    public synchronized List<CustomEntry> sweepHotList() {
        Instant now = clock.instant();
        List<CustomEntry> removed = new ArrayList<>();
        for (CustomEntry ce : List.copyOf(customEntries.values())) {
            if (ce.status() == CustomEntry.Status.REMOVED) {
                continue;
            }
            String why = ce.entry().isExpiredAt(now) ? "expired at " + ce.entry().expiresAt().orElseThrow()
                    : now.isAfter(ce.reviewBy().plus(hotListRules.removalGrace()))
                            ? "review overdue since " + ce.reviewBy() + " past the " + hotListRules.removalGrace().toDays() + "-day grace"
                            : "";
            if (!why.isEmpty()) {
                CustomEntry r = ce.removed(now, why);
                customEntries.put(ce.id(), r);
                removed.add(r);
                trail.record(AuditTrail.SYSTEM, homeOri, AuditAction.HOT_LIST_REMOVE, "", ce.entry().reference(),
                        "entry=" + ce.id() + ";plate=" + ce.entry().plate() + ";reason=" + why, 1, AuditEvent.Outcome.ALLOWED,
                        Rule.HOT_LIST_REVIEW.name());
            }
        }
        return removed;
    }

    /** The custom hot list's active entries, for the matcher (audited). Overdue and expired entries never appear. */
    public synchronized HotList customHotList(Session session) {
        User u = authorize(session, Action.REQUEST_HOT_LIST_ENTRY, AuditAction.HOT_LIST_READ, "custom hot list");
        Instant now = clock.instant();
        List<HotListEntry> active = customEntries.values().stream()
                .filter(ce -> ce.status() == CustomEntry.Status.ACTIVE)
                .filter(ce -> !ce.entry().isExpiredAt(now) && !now.isAfter(ce.reviewBy().plus(hotListRules.removalGrace())))
                .map(CustomEntry::entry).toList();
        trail.record(u.id(), u.agencyOri(), AuditAction.HOT_LIST_READ, "", "", "custom hot list", active.size(), AuditEvent.Outcome.ALLOWED, "");
        return new HotList(agencyName + " custom hot list", homeOri, now, active);
    }

    /** The custom entry {@code entryId} with its status (audited). */
    public synchronized Optional<CustomEntry> hotListEntry(Session session, String entryId) {
        User u = authorize(session, Action.REQUEST_HOT_LIST_ENTRY, AuditAction.HOT_LIST_READ, "entry=" + entryId);
        CustomEntry ce = customEntries.get(entryId);
        trail.record(u.id(), u.agencyOri(), AuditAction.HOT_LIST_READ, "", "", "entry=" + entryId, ce == null ? 0 : 1, AuditEvent.Outcome.ALLOWED, "");
        return Optional.ofNullable(ce);
    }

    /**
     * Accepts a hot list shared in by a partner agency, only under an agreement in force with that agency
     * that covers hot lists; entries whose reasons target protected characteristics are dropped.
     */
    public synchronized HotList acceptPartnerHotList(Session session, String partnerOri, HotList list) {
        String q = "partner=" + partnerOri + ";list=" + (list == null ? "" : list.name() + ";entries=" + list.entries().size());
        User u = authorize(session, Action.MANAGE_HOT_LIST, AuditAction.HOT_LIST_PARTNER, q);
        Objects.requireNonNull(list, "list");
        Instant now = clock.instant();
        Optional<SharingAgreement> a = agreements.values().stream()
                .filter(x -> x.partnerOri().equals(partnerOri) && x.isInForceAt(now) && x.scopes().contains(SharingScope.HOT_LIST)).findFirst();
        if (a.isEmpty()) {
            throw deny(u, AuditAction.HOT_LIST_PARTNER, null, q, Rule.PARTNER_HOT_LIST,
                    "no information-sharing agreement in force with " + partnerOri + " covers hot lists");
        }
        List<HotListEntry> kept = new ArrayList<>();
        for (HotListEntry e : list.entries()) {
            if (screen.screen(e.reason()).verdict() != Screening.Verdict.REFUSE) {
                kept.add(e);
            }
        }
        long dropped = list.entries().size() - kept.size();
        trail.record(u.id(), u.agencyOri(), AuditAction.HOT_LIST_PARTNER, "", a.get().id(), q + ";dropped=" + dropped, kept.size(),
                dropped == 0 ? AuditEvent.Outcome.ALLOWED : AuditEvent.Outcome.FLAGGED, dropped == 0 ? "" : Rule.PROTECTED_CHARACTERISTICS.name());
        return new HotList(list.name(), partnerOri, list.asOf(), kept);
    }

    // ------------------------------------------------------------------ alerts

    /** The sink to give the pipeline ({@code Lpr.builder().alertSink(policy.alertSink())}): every alert is tracked and audited. */
    public AlertSink alertSink() {
        return this::alertRaised;
    }

    private synchronized void alertRaised(Alert alert) {
        if (alerts.containsKey(alert.id())) {
            return;
        }
        alerts.put(alert.id(), AlertCase.raised(alert));
        trail.record(AuditTrail.SYSTEM, homeOri, AuditAction.ALERT_RAISED, "", alert.id(), "alert=" + alert.id() + ";plate="
                + alert.read().plate().text() + ";camera=" + alert.read().camera().id(), alert.hits().size(), AuditEvent.Outcome.ALLOWED, "");
    }

    /**
     * Records what the officer saw on the vehicle's plate. If the characters and the state of issuance match
     * a hit, the alert is plate-verified; if not, it is closed as a misread or a state mismatch.
     */
    public synchronized AlertCase recordVerification(Session session, String alertId, VisualVerification verification) {
        String q = "alert=" + alertId;
        User u = authorize(session, Action.VERIFY_ALERT, AuditAction.ALERT_VERIFIED, q);
        validate(u, AuditAction.ALERT_VERIFIED, verification, q);
        AlertCase c = existingAlert(u, AuditAction.ALERT_VERIFIED, alertId, q);
        if (c.state() != AlertState.RAISED) {
            throw deny(u, AuditAction.ALERT_VERIFIED, null, q, Rule.ALERT_VISUAL_VERIFICATION, "alert " + alertId + " is " + c.state() + "; it was already verified");
        }
        if (!verification.observedState().isKnown()) {
            throw deny(u, AuditAction.ALERT_VERIFIED, null, q, Rule.ALERT_VISUAL_VERIFICATION,
                    "the state of issuance must be verified on the vehicle's plate; UNKNOWN is not a verification");
        }
        String observed;
        try {
            observed = Plate.normalize(verification.observedPlate());
        } catch (RuntimeException e) {
            throw deny(u, AuditAction.ALERT_VERIFIED, null, q, Rule.VALID_REQUEST, e.getMessage());
        }
        boolean chars = false;
        boolean charsAndState = false;
        for (Hit h : c.alert().hits()) {
            if (h.entry().plate().matches(observed)) {
                chars = true;
                Jurisdiction want = h.entry().jurisdiction();
                if (!want.isKnown() || want == verification.observedState()) {
                    charsAndState = true;
                }
            }
        }
        AlertCase next;
        String result;
        if (charsAndState) {
            next = c.withVerification(c.confirmation().isPresent() && confirmationSatisfied(c.confirmation().get())
                    ? AlertState.ENFORCEMENT_ALLOWED : AlertState.PLATE_VERIFIED, verification, u.id());
            result = "match";
        } else {
            Disposition.Outcome outcome = chars ? Disposition.Outcome.STATE_MISMATCH : Disposition.Outcome.MISREAD;
            next = c.withVerification(AlertState.CLOSED, verification, u.id())
                    .closed(new Disposition(alertId, outcome, u.id(), clock.instant(), "observed " + observed + "/" + verification.observedState().code()));
            result = outcome.name();
        }
        alerts.put(alertId, next);
        trail.record(u.id(), u.agencyOri(), AuditAction.ALERT_VERIFIED, "", alertId, q + ";observed=" + observed + "/"
                + verification.observedState().code() + ";result=" + result + ";state=" + next.state(), 1, AuditEvent.Outcome.ALLOWED,
                Rule.ALERT_VISUAL_VERIFICATION.name());
        return next;
    }

    /**
     * Records a status check through NCIC, MULES, dispatch or MDT (or why one was not practical, where the
     * agency allows that). An entry no longer active closes the alert.
     */
    public synchronized AlertCase recordConfirmation(Session session, String alertId, StatusConfirmation confirmation) {
        String q = "alert=" + alertId;
        User u = authorize(session, Action.VERIFY_ALERT, AuditAction.ALERT_CONFIRMED, q);
        validate(u, AuditAction.ALERT_CONFIRMED, confirmation, q);
        AlertCase c = existingAlert(u, AuditAction.ALERT_CONFIRMED, alertId, q);
        if (c.state() == AlertState.CLOSED) {
            throw deny(u, AuditAction.ALERT_CONFIRMED, null, q, Rule.ALERT_STATUS_CONFIRMATION, "alert " + alertId + " is closed");
        }
        if (confirmation.channel() == StatusConfirmation.Channel.NOT_PRACTICAL && confirmationPolicy == ConfirmationPolicy.REQUIRED) {
            throw deny(u, AuditAction.ALERT_CONFIRMED, null, q, Rule.ALERT_STATUS_CONFIRMATION,
                    "this agency requires a status confirmation through NCIC, MULES, dispatch or MDT before enforcement");
        }
        AlertCase next;
        if (confirmation.channel() != StatusConfirmation.Channel.NOT_PRACTICAL && !confirmation.entryActive()) {
            next = c.withConfirmation(AlertState.CLOSED, confirmation).closed(new Disposition(alertId, Disposition.Outcome.ENTRY_NOT_ACTIVE,
                    u.id(), clock.instant(), confirmation.channel() + ": " + confirmation.detail()));
        } else {
            next = c.withConfirmation(c.state() == AlertState.PLATE_VERIFIED ? AlertState.ENFORCEMENT_ALLOWED : c.state(), confirmation);
        }
        alerts.put(alertId, next);
        boolean flagged = confirmation.channel() == StatusConfirmation.Channel.NOT_PRACTICAL;
        trail.record(u.id(), u.agencyOri(), AuditAction.ALERT_CONFIRMED, "", alertId, q + ";channel=" + confirmation.channel()
                + ";active=" + confirmation.entryActive() + ";detail=" + confirmation.detail() + ";state=" + next.state(), 1,
                flagged ? AuditEvent.Outcome.FLAGGED : AuditEvent.Outcome.ALLOWED, Rule.ALERT_STATUS_CONFIRMATION.name());
        return next;
    }

    /**
     * Asks whether enforcement may proceed on an alert: only after a matching visual verification and a
     * status confirmation (or a recorded reason it was not practical). An alert alone never suffices.
     *
     * @throws PolicyDeniedException with {@link Rule#ALERT_NOT_SUFFICIENT} naming what is missing
     */
    public synchronized AlertCase authorizeEnforcement(Session session, String alertId) {
        String q = "alert=" + alertId;
        User u = authorize(session, Action.VERIFY_ALERT, AuditAction.ALERT_ENFORCEMENT, q);
        AlertCase c = existingAlert(u, AuditAction.ALERT_ENFORCEMENT, alertId, q);
        if (c.state() != AlertState.ENFORCEMENT_ALLOWED) {
            String missing = switch (c.state()) {
                case RAISED -> "no visual verification of the plate characters and state of issuance is recorded"
                        + (c.confirmation().isEmpty() ? ", and no status confirmation" : "");
                case PLATE_VERIFIED -> "no status confirmation through NCIC, MULES, dispatch or MDT is recorded";
                case CLOSED -> "the alert is closed as " + c.disposition().map(d -> d.outcome().name()).orElse("closed");
                case ENFORCEMENT_ALLOWED -> "";
            };
            throw deny(u, AuditAction.ALERT_ENFORCEMENT, null, q, Rule.ALERT_NOT_SUFFICIENT,
                    "an LPR alert alone does not establish reasonable suspicion: " + missing);
        }
        boolean flagged = c.confirmation().map(x -> x.channel() == StatusConfirmation.Channel.NOT_PRACTICAL).orElse(false);
        trail.record(u.id(), u.agencyOri(), AuditAction.ALERT_ENFORCEMENT, "", alertId, q, 1,
                flagged ? AuditEvent.Outcome.FLAGGED : AuditEvent.Outcome.ALLOWED, Rule.ALERT_NOT_SUFFICIENT.name());
        return c;
    }

    /** Records an alert's disposition and closes it; "action taken" is accepted only after enforcement was allowed. */
    public synchronized AlertCase recordDisposition(Session session, String alertId, Disposition.Outcome outcome, String notes) {
        String q = "alert=" + alertId + ";outcome=" + outcome;
        User u = authorize(session, Action.VERIFY_ALERT, AuditAction.ALERT_DISPOSITION, q);
        AlertCase c = existingAlert(u, AuditAction.ALERT_DISPOSITION, alertId, q);
        if (outcome == null || notes == null) {
            throw deny(u, AuditAction.ALERT_DISPOSITION, null, q, Rule.VALID_REQUEST, "a disposition needs an outcome and notes (may be empty)");
        }
        if (c.state() == AlertState.CLOSED) {
            throw deny(u, AuditAction.ALERT_DISPOSITION, null, q, Rule.ALERT_DISPOSITION, "alert " + alertId + " is already closed as "
                    + c.disposition().map(d -> d.outcome().name()).orElse("closed"));
        }
        if (outcome == Disposition.Outcome.ACTION_TAKEN && c.state() != AlertState.ENFORCEMENT_ALLOWED) {
            throw deny(u, AuditAction.ALERT_DISPOSITION, null, q, Rule.ALERT_NOT_SUFFICIENT,
                    "action cannot be recorded on alert " + alertId + " before it is verified and confirmed (state " + c.state() + ")");
        }
        AlertCase next = c.closed(new Disposition(alertId, outcome, u.id(), clock.instant(), notes));
        alerts.put(alertId, next);
        trail.record(u.id(), u.agencyOri(), AuditAction.ALERT_DISPOSITION, "", alertId, q + ";notes=" + notes, 1, AuditEvent.Outcome.ALLOWED,
                Rule.ALERT_DISPOSITION.name());
        return next;
    }

    /** The alert {@code alertId} as tracked (audited). */
    public synchronized Optional<AlertCase> alertCase(Session session, String alertId) {
        User u = authorize(session, Action.VERIFY_ALERT, AuditAction.ALERT_VERIFIED, "view alert=" + alertId);
        AlertCase c = alerts.get(alertId);
        trail.record(u.id(), u.agencyOri(), AuditAction.ALERT_VERIFIED, "", alertId, "view alert=" + alertId, c == null ? 0 : 1,
                AuditEvent.Outcome.ALLOWED, "");
        return Optional.ofNullable(c);
    }

    // ------------------------------------------------------------------ audit

    /** Reads audit records of a period (auditors and administrators); the read is itself audited (CJIS 5.4.1.1). */
    public synchronized List<AuditRecord> readAuditLog(Session session, Instant from, Instant to) {
        String q = "from=" + from + ";to=" + to;
        User u = authorize(session, Action.READ_AUDIT, AuditAction.AUDIT_READ, q);
        List<AuditRecord> records = trail.log().read(from, to);
        trail.record(u.id(), u.agencyOri(), AuditAction.AUDIT_READ, "", "", q, records.size(), AuditEvent.Outcome.ALLOWED, "");
        return records;
    }

    /** Verifies the audit log's hash chain; a break raises a security incident. */
    public synchronized ChainVerification verifyAuditLog(Session session) {
        User u = authorize(session, Action.READ_AUDIT, AuditAction.AUDIT_VERIFY, "verify audit chain");
        ChainVerification v = trail.log().verify();
        if (!v.intact()) {
            trail.incident(SecurityIncident.Kind.AUDIT_CHAIN_BROKEN, u.id(), u.agencyOri(), v.problems().size() + " break(s): "
                    + String.join("; ", v.problems().subList(0, Math.min(5, v.problems().size()))));
        }
        trail.record(u.id(), u.agencyOri(), AuditAction.AUDIT_VERIFY, "", "", "records=" + v.records() + ";problems=" + v.problems().size(),
                v.records(), v.intact() ? AuditEvent.Outcome.ALLOWED : AuditEvent.Outcome.FLAGGED, Rule.AUDIT_INTEGRITY.name());
        return v;
    }

    /** An audit report for a period with its findings; producing it is audited with the findings count. */
    public synchronized AuditReport auditReport(Session session, Instant from, Instant to) {
        String q = "from=" + from + ";to=" + to;
        User u = authorize(session, Action.AUDIT_REPORT, AuditAction.AUDIT_REPORT, q);
        List<AuditEvent> events = trail.log().read(from, to).stream().map(AuditRecord::event).toList();
        AuditReport r = AuditReport.compile(events, from, to, reportSettings);
        trail.record(u.id(), u.agencyOri(), AuditAction.AUDIT_REPORT, "", "", q + ";findings=" + r.findings().size(), events.size(),
                AuditEvent.Outcome.ALLOWED, Rule.AUDIT_INTEGRITY.name());
        return r;
    }

    /** The public transparency report for a period: purposes, retention, counts; no personal data. */
    public synchronized TransparencyReport transparencyReport(Session session, Instant from, Instant to) {
        String q = "from=" + from + ";to=" + to;
        User u = authorize(session, Action.AUDIT_REPORT, AuditAction.TRANSPARENCY_REPORT, q);
        List<AuditEvent> events = trail.log().read(from, to).stream().map(AuditRecord::event).toList();
        Map<String, Long> byPurpose = new TreeMap<>();
        long alertsRaised = 0;
        long denied = 0;
        long disseminations = 0;
        long purged = 0;
        long audits = 0;
        for (AuditEvent e : events) {
            boolean ok = e.outcome() == AuditEvent.Outcome.ALLOWED || e.outcome() == AuditEvent.Outcome.FLAGGED;
            switch (AuditAction.valueOf(e.action())) {
                case HISTORICAL_SEARCH, EXTERNAL_SEARCH -> {
                    if (ok) {
                        byPurpose.merge(Purpose.valueOf(e.purpose()).label(), 1L, Long::sum);
                    }
                }
                case ALERT_RAISED -> alertsRaised++;
                case DISSEMINATION -> disseminations += ok ? 1 : 0;
                case PURGE -> purged += e.resultCount();
                case AUDIT_REPORT, AUDIT_VERIFY -> audits++;
                default -> { }
            }
            if (e.outcome() == AuditEvent.Outcome.DENIED) {
                denied++;
            }
        }
        Instant now = clock.instant();
        List<String> partners = agreements.values().stream().filter(a -> a.isInForceAt(now)).map(SharingAgreement::partnerName)
                .distinct().sorted().toList();
        List<String> uses = EnumSet.allOf(Purpose.class).stream().filter(p -> p.kind() == Purpose.Kind.AUTHORIZED).map(Purpose::label).toList();
        TransparencyReport r = new TransparencyReport(from, to, agencyName, PROGRAM_PURPOSE, uses, retention.periodFor(jurisdiction).toDays(),
                trail.log().retention().toDays(), store.count(), alertsRaised, byPurpose, denied, disseminations, purged, partners, audits);
        trail.record(u.id(), u.agencyOri(), AuditAction.TRANSPARENCY_REPORT, "", "", q, events.size(), AuditEvent.Outcome.ALLOWED, "");
        return r;
    }

    /** Releases the validator; the read store and the audit log stay open (their owner closes them). */
    @Override
    public void close() {
        validator.close();
    }

    // ------------------------------------------------------------------ rule checks

    private User authorize(Session session, Action action, AuditAction audit, String query) {
        User u = authenticate(session, audit, query);
        if (!u.may(action)) {
            throw deny(u, audit, null, query, Rule.AUTHORIZED_ROLE, "user '" + u.id() + "' with roles " + u.roles() + " may not " + action);
        }
        Set<TrainingTopic> missing = u.missingTrainingAt(clock.instant());
        if (!missing.isEmpty()) {
            throw deny(u, audit, null, query, Rule.CURRENT_TRAINING, "user '" + u.id()
                    + "' has no current department-approved training covering " + missing);
        }
        return u;
    }

    private User authenticate(Session session, AuditAction audit, String query) {
        Instant now = clock.instant();
        if (session == null || session.issuer() != this || !sessions.containsKey(session)) {
            String who = session == null ? "anonymous" : session.userId();
            trail.denied(who, session == null ? "" : session.agencyOri(), audit, "", "", query, Rule.AUTHENTICATED_SESSION, session != null);
            throw new PolicyDeniedException(Rule.AUTHENTICATED_SESSION, "no valid session: sign in with LprPolicy.login");
        }
        Instant last = sessions.get(session);
        if (now.isAfter(last.plus(sessionIdleTimeout))) {
            sessions.remove(session);
            trail.record(session.userId(), session.agencyOri(), AuditAction.LOGOUT, "", "", "session idle since " + last, 0,
                    AuditEvent.Outcome.ALLOWED, Rule.AUTHENTICATED_SESSION.name());
            trail.denied(session.userId(), session.agencyOri(), audit, "", "", query, Rule.AUTHENTICATED_SESSION, false);
            throw new PolicyDeniedException(Rule.AUTHENTICATED_SESSION, "session of '" + session.userId() + "' expired after "
                    + sessionIdleTimeout.toMinutes() + " idle minutes; sign in again");
        }
        UserState st = users.get(session.userId());
        if (st == null || !st.user.active()) {
            sessions.remove(session);
            trail.denied(session.userId(), session.agencyOri(), audit, "", "", query, Rule.AUTHENTICATED_SESSION, true);
            throw new PolicyDeniedException(Rule.AUTHENTICATED_SESSION, "user '" + session.userId() + "' is disabled");
        }
        sessions.put(session, now);
        return st.user;
    }

    private void validate(User u, AuditAction audit, Object request, String query) {
        List<String> problems = validator.problems(request);
        if (!problems.isEmpty()) {
            trail.denied(u.id(), u.agencyOri(), audit, "", "", query, Rule.VALID_REQUEST, true);
            throw new InvalidRequestException(problems);
        }
    }

    private void checkPurpose(User u, AuditAction audit, PurposeStatement p, String q, boolean sharing, List<String> flags, List<Hold> holds) {
        checkPurpose(u, audit, p, q, sharing, flags, holds, true);
    }

    private void checkPurpose(User u, AuditAction audit, PurposeStatement p, String q, boolean sharing, List<String> flags, List<Hold> holds,
            boolean checkReference) {
        if (p.purpose().isProhibited()) {
            throw deny(u, audit, p, q, Rule.PROHIBITED_PURPOSE, "purpose " + p.purpose() + " (" + p.purpose().label()
                    + ") is prohibited by the general order");
        }
        String text = p.description() + p.reference().filter(r -> r.kind() == Reference.Kind.DOCUMENTED_ACTIVITY).map(r -> " " + r.value()).orElse("");
        Screening s = screen.screen(text);
        if (s.verdict() == Screening.Verdict.REFUSE) {
            throw deny(u, audit, p, q, refusalRule(s), "description refused: " + s.describe());
        }
        Set<Purpose> forbidden = forbiddenForSharing.getOrDefault(jurisdiction, Set.of());
        if (sharing) {
            Set<Purpose> revealed = EnumSet.noneOf(Purpose.class);
            revealed.add(p.purpose());
            if (s.categories().contains(TermScreen.Category.IMMIGRATION_ENFORCEMENT)) {
                revealed.add(Purpose.IMMIGRATION_ENFORCEMENT);
            }
            if (s.categories().contains(TermScreen.Category.REPRODUCTIVE_CARE)) {
                revealed.add(Purpose.REPRODUCTIVE_HEALTH_CARE);
            }
            revealed.retainAll(forbidden);
            if (!revealed.isEmpty()) {
                throw deny(u, audit, p, q, Rule.SHARING_FORBIDDEN_PURPOSE, jurisdiction.displayName()
                        + " forbids sharing LPR data for " + revealed.stream().map(Purpose::label).toList());
            }
        }
        if (s.verdict() == Screening.Verdict.REVIEW) {
            holds.add(new Hold(Rule.PROTECTED_CHARACTERISTICS, "PROTECTED_CHARACTERISTICS: description held for supervisor review: " + s.describe()));
        }
        if (p.purpose().kind() == Purpose.Kind.RESTRICTED) {
            holds.add(new Hold(Rule.AUTHORIZED_PURPOSE, "AUTHORIZED_PURPOSE: purpose " + p.purpose() + " needs supervisor approval"));
        }
        if (checkReference && !p.hasSpecificReference()) {
            if (strictness == ReferenceStrictness.REQUIRED) {
                throw deny(u, audit, p, q, Rule.REFERENCE, "a specific case report number, CAD event number, intelligence file or "
                        + "documented activity is required; '" + p.reference().map(Reference::value).orElse("no reference")
                        + "' is not specific (\"investigation\" alone is never enough)");
            }
            flags.add(Rule.REFERENCE.name());
        }
    }

    private static Rule refusalRule(Screening s) {
        boolean protectedRefusal = s.matches().stream().anyMatch(m -> m.category().isProtectedCharacteristic()
                && (m.severity() == TermScreen.Severity.REFUSE || s.matches().stream().anyMatch(x -> x.category() == TermScreen.Category.TARGETING)));
        return protectedRefusal ? Rule.PROTECTED_CHARACTERISTICS : Rule.PROHIBITED_PURPOSE;
    }

    private String gate(User u, AuditAction audit, PurposeStatement p, String q, String fingerprint, List<Hold> holds, Optional<String> approvalId) {
        if (holds.isEmpty()) {
            return "";
        }
        Instant now = clock.instant();
        if (approvalId.isPresent()) {
            PendingApproval pa = approvals.get(approvalId.get());
            String problem = pa == null ? "no approval '" + approvalId.get() + "'"
                    : !pa.approval().requesterId().equals(u.id()) ? "approval " + approvalId.get() + " was asked for by another user"
                    : !pa.fingerprint().equals(fingerprint) ? "approval " + approvalId.get() + " was given for a different request"
                    : pa.approval().approvedBy().isEmpty() ? "approval " + approvalId.get() + " is still waiting for a supervisor"
                    : pa.approval().used() ? "approval " + approvalId.get() + " was already used"
                    : now.isAfter(pa.approval().requestedAt().plus(APPROVAL_VALIDITY)) ? "approval " + approvalId.get() + " expired"
                    : "";
            if (!problem.isEmpty()) {
                throw deny(u, audit, p, q, Rule.SECOND_PERSON_APPROVAL, problem);
            }
            Approval a = pa.approval();
            approvals.put(a.id(), new PendingApproval(new Approval(a.id(), a.requesterId(), a.action(), a.subject(), a.reasons(),
                    a.requestedAt(), a.approvedBy(), true), pa.fingerprint()));
            return a.approvedBy().orElseThrow();
        }
        String id = "APR-" + newId();
        List<String> reasons = holds.stream().map(Hold::reason).toList();
        approvals.put(id, new PendingApproval(new Approval(id, u.id(), audit.name(), q, reasons, now, Optional.empty(), false), fingerprint));
        Rule rule = holds.get(0).rule();
        trail.record(u.id(), u.agencyOri(), AuditAction.APPROVAL_REQUESTED, p == null ? "" : p.purpose().name(),
                p == null ? "" : p.referenceText(), q + ";approval=" + id + ";for=" + audit, 0, AuditEvent.Outcome.DENIED,
                String.join(",", holds.stream().map(h -> h.rule().name()).distinct().toList()));
        throw new ApprovalRequiredException(rule, id, reasons);
    }

    private SharingAgreement agreementFor(User u, String partnerOri, SharingScope scope, PurposeStatement p, AuditAction audit, String q) {
        return agreementFor(u, partnerOri, scope, p, audit, q, Rule.SHARING_AGREEMENT);
    }

    private SharingAgreement agreementFor(User u, String partnerOri, SharingScope scope, PurposeStatement p, AuditAction audit, String q, Rule rule) {
        Instant now = clock.instant();
        List<SharingAgreement> withPartner = agreements.values().stream().filter(a -> a.partnerOri().equals(partnerOri)).toList();
        List<SharingAgreement> inForce = withPartner.stream().filter(a -> a.isInForceAt(now)).toList();
        if (inForce.isEmpty()) {
            if (!u.agencyOri().equals(homeOri)) {
                trail.incident(SecurityIncident.Kind.CROSS_AGENCY_ACCESS, u.id(), u.agencyOri(), "user of agency " + u.agencyOri()
                        + " tried " + audit + " on " + agencyName + "'s data without an agreement in force");
            }
            throw deny(u, audit, p, q, rule, withPartner.isEmpty() ? "no information-sharing agreement with agency " + partnerOri
                    : "the information-sharing agreement with agency " + partnerOri + " is not in force (expired or not yet effective)");
        }
        List<SharingAgreement> scoped = inForce.stream().filter(a -> a.scopes().contains(scope)).toList();
        if (scoped.isEmpty()) {
            throw deny(u, audit, p, q, rule, "the agreement with agency " + partnerOri + " does not cover " + scope);
        }
        return scoped.stream().filter(a -> a.allowedPurposes().contains(p.purpose())).findFirst()
                .orElseThrow(() -> deny(u, audit, p, q, rule, "the agreement with agency " + partnerOri + " does not allow the purpose "
                        + p.purpose() + "; it allows " + scoped.get(0).allowedPurposes()));
    }

    private void consumeQuota(User u, SharingAgreement a, AuditAction audit, PurposeStatement p, String q) {
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Map<LocalDate, Integer> use = quotaUse.computeIfAbsent(a.id(), k -> new HashMap<>());
        int used = use.getOrDefault(day, 0);
        if (used >= a.dailyQueryQuota()) {
            throw deny(u, audit, p, q, Rule.SHARING_QUOTA, "agreement " + a.id() + " allows " + a.dailyQueryQuota()
                    + " queries a day; " + used + " were made on " + day);
        }
        use.put(day, used + 1);
    }

    private void checkOwner(User u, PlateRead r, AuditAction audit, PurposeStatement p, String q) {
        String owner = r.camera().agencyOri();
        if (owner.equals(homeOri)) {
            return;
        }
        boolean covered = u.agencyOri().equals(homeOri) && agreements.values().stream()
                .anyMatch(a -> a.partnerOri().equals(owner) && a.isInForceAt(clock.instant()) && a.allowedPurposes().contains(p.purpose()));
        if (!covered) {
            trail.incident(SecurityIncident.Kind.CROSS_AGENCY_ACCESS, u.id(), u.agencyOri(), "user tried " + audit + " on read "
                    + r.id() + " of agency " + owner + " without an agreement covering it");
            throw deny(u, audit, p, q, Rule.AGENCY_CONTROL, "read '" + r.id() + "' belongs to agency " + owner
                    + " and no agreement in force covers it for " + p.purpose());
        }
    }

    private PolicyDeniedException deny(User u, AuditAction audit, PurposeStatement p, String q, Rule rule, String message) {
        trail.denied(u.id(), u.agencyOri(), audit, p == null ? "" : p.purpose().name(), p == null ? "" : p.referenceText(), q, rule, true);
        return new PolicyDeniedException(rule, message);
    }

    private User changeRoles(Session admin, String userId, Role role, boolean grant) {
        String q = (grant ? "grant " : "revoke ") + "role=" + role + ";user=" + userId;
        User a = authorize(admin, Action.MANAGE_USERS, AuditAction.PRIVILEGE_CHANGE, q);
        UserState st = existingUser(a, AuditAction.PRIVILEGE_CHANGE, userId, q);
        if (a.id().equals(userId)) {
            throw deny(a, AuditAction.PRIVILEGE_CHANGE, null, q, Rule.ADMINISTRATION, "administrator '" + a.id() + "' cannot change their own roles");
        }
        Objects.requireNonNull(role, "role");
        Set<Role> roles = EnumSet.noneOf(Role.class);
        roles.addAll(st.user.roles());
        if (grant) {
            roles.add(role);
        } else {
            roles.remove(role);
        }
        User changed = st.user.withRoles(roles);
        checkRolesFitAgency(a, changed, q);
        st.user = changed;
        trail.record(a.id(), a.agencyOri(), AuditAction.PRIVILEGE_CHANGE, "", "", q, 1, AuditEvent.Outcome.ALLOWED, "");
        return changed;
    }

    private void checkRolesFitAgency(User admin, User user, String q) {
        boolean partner = !user.agencyOri().equals(homeOri);
        if (partner && user.roles().stream().anyMatch(r -> r != Role.PARTNER_AGENCY_USER)) {
            throw deny(admin, AuditAction.PRIVILEGE_CHANGE, null, q, Rule.AGENCY_CONTROL, "user '" + user.id() + "' of agency "
                    + user.agencyOri() + " may hold only the PARTNER_AGENCY_USER role");
        }
        if (!partner && user.roles().contains(Role.PARTNER_AGENCY_USER)) {
            throw deny(admin, AuditAction.PRIVILEGE_CHANGE, null, q, Rule.AGENCY_CONTROL, "user '" + user.id() + "' of "
                    + agencyName + " cannot hold the PARTNER_AGENCY_USER role");
        }
    }

    private UserState existingUser(User a, AuditAction audit, String userId, String q) {
        UserState st = userId == null ? null : users.get(userId);
        if (st == null) {
            throw deny(a, audit, null, q, Rule.VALID_REQUEST, "no user '" + printable(userId) + "'");
        }
        return st;
    }

    private CustomEntry existingEntry(User u, AuditAction audit, String entryId, String q) {
        CustomEntry ce = entryId == null ? null : customEntries.get(entryId);
        if (ce == null) {
            throw deny(u, audit, null, q, Rule.VALID_REQUEST, "no custom hot list entry '" + printable(entryId) + "'");
        }
        return ce;
    }

    private AlertCase existingAlert(User u, AuditAction audit, String alertId, String q) {
        AlertCase c = alertId == null ? null : alerts.get(alertId);
        if (c == null) {
            throw deny(u, audit, null, q, Rule.VALID_REQUEST, "no alert '" + printable(alertId) + "'");
        }
        return c;
    }

    private boolean confirmationSatisfied(StatusConfirmation c) {
        return c.channel() != StatusConfirmation.Channel.NOT_PRACTICAL || confirmationPolicy == ConfirmationPolicy.WHEN_PRACTICAL;
    }

    private static String holdReference(HoldBasis basis, Reference ref) {
        return basis.name() + " " + ref;
    }

    private String newId() {
        return (nextId++) + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String fingerprint(String kind, String userId, String query, PurposeStatement p) {
        String text = kind + "\n" + userId + "\n" + query + "\n" + p.purpose() + "\n" + p.referenceText() + "\n" + p.description();
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static String safePlate(String plate) {
        return plate == null ? "" : printable(plate);
    }

    private static String printable(String s) {
        return printable(s, 64);
    }

    private static String printable(String s, int max) {
        if (s == null) {
            return "null";
        }
        String t = s.length() > max ? s.substring(0, max) : s;
        return t.codePoints().filter(c -> !Character.isISOControl(c)).collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }

    /**
     * Builds an {@link LprPolicy}; {@link #build()} checks the whole configuration and reports every problem at once.
     */
    public static final class Builder {
        private String agencyName;
        private String agencyOri;
        private Jurisdiction jurisdiction;
        private ReadStore store;
        private HashChainedAuditLog auditLog;
        private final List<AuditSink> auditSinks = new ArrayList<>();
        private final List<SecurityIncidentSink> incidentSinks = new ArrayList<>();
        private Clock clock = Clock.systemUTC();
        private final Map<User, char[]> administrators = new LinkedHashMap<>();
        private ReferenceStrictness strictness = ReferenceStrictness.REQUIRED;
        private SearchLimits limits = SearchLimits.standard();
        private final List<SensitivePlace> places = new ArrayList<>();
        private HotListRules hotListRules = HotListRules.standard();
        private ConfirmationPolicy confirmationPolicy = ConfirmationPolicy.WHEN_PRACTICAL;
        private RetentionPolicy retention = RetentionPolicy.standard();
        private final Map<Jurisdiction, Set<Purpose>> forbiddenForSharing = new EnumMap<>(Jurisdiction.class);
        private final List<SharingAgreement> agreements = new ArrayList<>();
        private ReportSettings reportSettings = ReportSettings.standard();
        private TermScreen screen;
        private int passwordIterations = 210_000;
        private Duration sessionIdleTimeout = Duration.ofMinutes(30);
        private int maxFailedLogins = 5;
        private Duration lockout = Duration.ofMinutes(10);
        private int denialThreshold = 3;
        private Duration denialWindow = Duration.ofMinutes(10);

        private Builder() {
        }

        /** The agency that owns the data: its name, 9-character ORI, and the jurisdiction whose law applies. */
        public Builder agency(String name, String ori, Jurisdiction governingJurisdiction) {
            this.agencyName = name;
            this.agencyOri = ori;
            this.jurisdiction = governingJurisdiction;
            return this;
        }

        /** The store of reads (required); only the policy should hold it. */
        public Builder readStore(ReadStore readStore) {
            this.store = readStore;
            return this;
        }

        /** The hash-chained audit log (required). */
        public Builder auditLog(HashChainedAuditLog log) {
            this.auditLog = log;
            return this;
        }

        /** Also sends every audit event to {@code sink} (the agency's own system); a sink that throws refuses the action. */
        public Builder auditSink(AuditSink sink) {
            this.auditSinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /** Sends security incidents to {@code sink} for the administrators. */
        public Builder incidentSink(SecurityIncidentSink sink) {
            this.incidentSinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /** The clock; the system UTC clock by default. */
        public Builder clock(Clock c) {
            this.clock = c;
            return this;
        }

        /** An initial administrator (at least one is required), with their password. */
        public Builder administrator(User admin, char[] password) {
            this.administrators.put(Objects.requireNonNull(admin, "admin"), password == null ? null : password.clone());
            return this;
        }

        /** Whether a search without a specific reference is refused ({@code REQUIRED}, the default) or flagged. */
        public Builder referenceStrictness(ReferenceStrictness s) {
            this.strictness = s;
            return this;
        }

        /** The limits beyond which a search needs a supervisor's approval. */
        public Builder searchLimits(SearchLimits l) {
            this.limits = l;
            return this;
        }

        /** Adds a sensitive place; searches reaching it need a supervisor's approval. */
        public Builder sensitivePlace(SensitivePlace place) {
            this.places.add(Objects.requireNonNull(place, "place"));
            return this;
        }

        /** How custom hot list entries are governed. */
        public Builder hotListRules(HotListRules r) {
            this.hotListRules = r;
            return this;
        }

        /** Whether a status confirmation is required before enforcement, or may be recorded as not practical (the default). */
        public Builder confirmationPolicy(ConfirmationPolicy p) {
            this.confirmationPolicy = p;
            return this;
        }

        /** The retention of reads; thirty days by default. */
        public Builder retention(RetentionPolicy r) {
            this.retention = r;
            return this;
        }

        /** Purposes that {@code j}'s law forbids sharing LPR data for (for example immigration enforcement). */
        public Builder forbidSharing(Jurisdiction j, Purpose... purposes) {
            this.forbiddenForSharing.computeIfAbsent(Objects.requireNonNull(j, "jurisdiction"), k -> EnumSet.noneOf(Purpose.class))
                    .addAll(List.of(purposes));
            return this;
        }

        /** An information-sharing agreement in place from the start. */
        public Builder agreement(SharingAgreement a) {
            this.agreements.add(Objects.requireNonNull(a, "agreement"));
            return this;
        }

        /** What audit reports flag. */
        public Builder reportSettings(ReportSettings s) {
            this.reportSettings = s;
            return this;
        }

        /** The term list free text is screened with; {@link TermScreen#standard()} by default. */
        public Builder termScreen(TermScreen s) {
            this.screen = s;
            return this;
        }

        /** PBKDF2 iterations for stored passwords (at least 1000; 210,000 by default). */
        public Builder passwordIterations(int n) {
            this.passwordIterations = n;
            return this;
        }

        /** How long an idle session stays valid (30 minutes by default, at most 12 hours). */
        public Builder sessionIdleTimeout(Duration d) {
            this.sessionIdleTimeout = d;
            return this;
        }

        /** Failed log-ins in a row before an account is locked, and for how long (5 and 10 minutes by default). */
        public Builder lockout(int failedLogins, Duration duration) {
            this.maxFailedLogins = failedLogins;
            this.lockout = duration;
            return this;
        }

        /** Refusals of one user within {@code window} that raise a repeated-denials incident (3 in 10 minutes by default). */
        public Builder denialIncidents(int threshold, Duration window) {
            this.denialThreshold = threshold;
            this.denialWindow = window;
            return this;
        }

        /**
         * Builds the policy.
         *
         * @throws IllegalArgumentException listing every configuration problem
         */
        public LprPolicy build() {
            List<String> p = new ArrayList<>();
            if (agencyName == null || agencyName.isBlank()) {
                p.add("agency name is missing: call agency(name, ori, jurisdiction)");
            }
            if (agencyOri == null || !agencyOri.matches("[A-Z0-9]{9}")) {
                p.add("agency ORI '" + agencyOri + "' must be 9 characters [A-Z0-9]");
            }
            if (jurisdiction == null || !jurisdiction.isKnown()) {
                p.add("governing jurisdiction is missing or UNKNOWN");
            }
            if (store == null) {
                p.add("read store is missing: call readStore(store)");
            }
            if (auditLog == null) {
                p.add("audit log is missing: call auditLog(HashChainedAuditLog.open(path))");
            }
            if (clock == null) {
                p.add("clock is missing");
            }
            if (administrators.isEmpty()) {
                p.add("no administrator: call administrator(user, password)");
            }
            administrators.forEach((u, pw) -> {
                if (!u.roles().contains(Role.ADMINISTRATOR)) {
                    p.add("initial administrator '" + u.id() + "' lacks the ADMINISTRATOR role");
                }
                if (agencyOri != null && !u.agencyOri().equals(agencyOri)) {
                    p.add("initial administrator '" + u.id() + "' belongs to agency " + u.agencyOri() + ", not " + agencyOri);
                }
                if (pw == null || pw.length < 12) {
                    p.add("password of administrator '" + u.id() + "' must be at least 12 characters");
                }
            });
            if (strictness == null) {
                p.add("reference strictness is missing");
            }
            if (limits == null) {
                p.add("search limits are missing");
            }
            if (hotListRules == null) {
                p.add("hot list rules are missing");
            }
            if (confirmationPolicy == null) {
                p.add("confirmation policy is missing");
            }
            if (retention == null) {
                p.add("retention policy is missing");
            }
            if (reportSettings == null) {
                p.add("report settings are missing");
            }
            if (passwordIterations < 1_000) {
                p.add("password iterations " + passwordIterations + " must be at least 1000");
            }
            if (sessionIdleTimeout == null || sessionIdleTimeout.isNegative() || sessionIdleTimeout.isZero()
                    || sessionIdleTimeout.compareTo(Duration.ofHours(12)) > 0) {
                p.add("session idle timeout " + sessionIdleTimeout + " must be positive and at most 12 hours");
            }
            if (maxFailedLogins < 1 || maxFailedLogins > 10 || lockout == null || lockout.isNegative() || lockout.isZero()) {
                p.add("lockout must be after 1 to 10 failed log-ins for a positive duration");
            }
            if (denialThreshold < 2 || denialWindow == null || denialWindow.isNegative() || denialWindow.isZero()) {
                p.add("denial incidents need a threshold of at least 2 in a positive window");
            }
            for (SharingAgreement a : agreements) {
                Set<Purpose> forbidden = jurisdiction == null ? Set.of() : forbiddenForSharing.getOrDefault(jurisdiction, Set.of());
                if (a.allowedPurposes().stream().anyMatch(forbidden::contains)) {
                    p.add("agreement " + a.id() + " allows purposes " + jurisdiction + " forbids sharing for");
                }
            }
            if (!p.isEmpty()) {
                throw new IllegalArgumentException("LPR policy configuration has " + p.size() + " problem(s): " + String.join("; ", p));
            }
            if (screen == null) {
                screen = TermScreen.standard();
            }
            return new LprPolicy(this);
        }
    }
}
