package org.lpr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lpr.policy.PolicyFixture.HOME;
import static org.lpr.policy.PolicyFixture.PARTNER;
import static org.lpr.policy.PolicyFixture.START;
import static org.lpr.policy.PolicyFixture.search;
import static org.lpr.policy.PolicyFixture.stolen;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.audit.AuditEvent;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.spi.ReadQuery;
import org.lpr.policy.access.Role;
import org.lpr.policy.access.SecurityIncident;
import org.lpr.policy.access.User;
import org.lpr.policy.place.SensitivePlace;
import org.lpr.policy.purpose.Purpose;
import org.lpr.policy.purpose.PurposeStatement;
import org.lpr.policy.purpose.Reference;
import org.lpr.policy.purpose.ReferenceStrictness;
import org.lpr.policy.report.AuditReport;
import org.lpr.policy.report.ReportFlag;
import org.lpr.policy.sharing.SharingAgreement;
import org.lpr.policy.sharing.SharingScope;

/**
 * A search of an external system ({@link LprPolicy#authorizeExternalSearch}) is a historical search under the
 * general order: each test shows one rule of {@link LprPolicy#search} applied to it, with its audit record, so
 * it fails when the rule is left out of the external path. The module README maps sentences to these tests.
 */
class ExternalSearchConformanceTest {
    private static final String FLOCK = "Flock Safety";

    @TempDir
    Path dir;
    PolicyFixture f;

    @BeforeEach
    void open() {
        f = new PolicyFixture(dir);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private static ExternalSearch external(String plate, PurposeStatement p) {
        return ExternalSearch.of(FLOCK, search(plate, p));
    }

    private static void assertRefused(Runnable r, Rule rule) {
        assertThatThrownBy(r::run).isInstanceOf(PolicyDeniedException.class)
                .satisfies(e -> assertThat(((PolicyDeniedException) e).rule()).isEqualTo(rule))
                .hasMessageStartingWith("[" + rule.name() + "]");
    }

    private void assertRefusedAndAudited(Runnable r, Rule rule) {
        int before = f.events("EXTERNAL_SEARCH").size();
        assertRefused(r, rule);
        List<AuditEvent> after = f.events("EXTERNAL_SEARCH");
        assertThat(after).hasSize(before + 1);
        AuditEvent e = after.get(after.size() - 1);
        assertThat(e.action()).isEqualTo("EXTERNAL_SEARCH");
        assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
        assertThat(e.rule()).isEqualTo(rule.name());
        assertThat(e.query()).startsWith("system=" + FLOCK + ";");
    }

    private static ApprovalRequiredException approvalNeeded(Runnable r) {
        try {
            r.run();
        } catch (ApprovalRequiredException e) {
            return e;
        }
        throw new AssertionError("expected a supervisor approval to be required");
    }

    @Test
    void externalSearch_officialPurposeWithReference_isGranted_namingWhatWasApproved_andAudited() {
        ReadQuery q = new ReadQuery(Optional.of(org.lpr.core.read.PlatePattern.of("ABC1234")), false, START.minus(Duration.ofDays(3)), START,
                Set.of(), Set.of(), Optional.of(new ReadQuery.Radius(PolicyFixture.ODESSA, 8_000)), 50, 0);
        ExternalSearchGrant g = f.policy.authorizeExternalSearch(f.investigator, ExternalSearch.of(FLOCK, SearchRequest.of(q, stolen())));

        assertThat(g.system()).isEqualTo(FLOCK);
        assertThat(g.userId()).isEqualTo("det.jones");
        assertThat(g.purpose()).isEqualTo(stolen());
        assertThat(g.reference()).contains(Reference.caseReport("26-000123"));
        assertThat(g.plate()).map(p -> p.text()).contains("ABC1234");
        assertThat(g.from()).isEqualTo(START.minus(Duration.ofDays(3)));
        assertThat(g.to()).isEqualTo(START);
        assertThat(g.area()).contains(new ReadQuery.Radius(PolicyFixture.ODESSA, 8_000));
        assertThat(g.agencies()).containsExactly(HOME);
        assertThat(g.approvedBy()).isEmpty();
        assertThat(g.expiresAt()).isEqualTo(START.plus(LprPolicy.GRANT_VALIDITY));
        AuditEvent e = f.lastEvent();
        assertThat(e.action()).isEqualTo("EXTERNAL_SEARCH");
        assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.ALLOWED);
        assertThat(e.purpose()).isEqualTo("STOLEN_VEHICLE");
        assertThat(e.reference()).isEqualTo("CASE_REPORT:26-000123");
        assertThat(e.query()).startsWith("system=Flock Safety;plate=ABC1234;").contains("area=radius(").endsWith(";grant=" + g.id());
        assertThat(f.events("HISTORICAL_SEARCH")).isEmpty();

        g.redeem(FLOCK);
        g.reportResults(7);
        g.reportResults(2);
        List<AuditEvent> results = f.events("EXTERNAL_SEARCH_RESULT");
        assertThat(results).extracting(AuditEvent::resultCount).containsExactly(7L, 2L);
        assertThat(results).allMatch(r -> r.outcome() == AuditEvent.Outcome.ALLOWED && r.query().contains("grant=" + g.id())
                && r.reference().equals("CASE_REPORT:26-000123") && r.userId().equals("det.jones"));
        assertThat(f.log.verify().intact()).isTrue();
    }

    @Test
    void externalSearch_withoutReference_isRefusedWhenRequired_andFlaggedWhereAllowed() {
        PurposeStatement none = PurposeStatement.withoutReference(Purpose.STOLEN_VEHICLE, "stolen silver Silverado");
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(f.investigator, external("ABC1234", none)), Rule.REFERENCE);
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(f.investigator, external("ABC1234", PurposeStatement.of(
                Purpose.CRIMINAL_INVESTIGATION, Reference.documentedActivity("investigation"), "investigation"))), Rule.REFERENCE);

        f.close();
        f = new PolicyFixture(dir.resolve("flagged"), b -> b.referenceStrictness(ReferenceStrictness.FLAGGED));
        ExternalSearchGrant g = f.policy.authorizeExternalSearch(f.investigator, external("ABC1234", none));
        assertThat(g.flags()).containsExactly("REFERENCE");
        assertThat(f.lastEvent().outcome()).isEqualTo(AuditEvent.Outcome.FLAGGED);
        AuditReport r = f.policy.auditReport(f.auditor, START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)));
        assertThat(r.findings(ReportFlag.SEARCH_WITHOUT_REFERENCE)).anyMatch(x -> x.subject().equals("EXTERNAL_SEARCH"));
    }

    @Test
    void externalSearch_prohibitedPurposes_areRefused() {
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(f.investigator, external("ABC1234",
                PurposeStatement.of(Purpose.SPEED_ENFORCEMENT, Reference.caseReport("26-1"), "speed check on Highway 13"))), Rule.PROHIBITED_PURPOSE);
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(f.officer, external("ABC1234",
                PurposeStatement.of(Purpose.PERSONAL, Reference.caseReport("26-1"), "where my car was towed"))), Rule.PROHIBITED_PURPOSE);
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(f.investigator, external("ABC1234", PurposeStatement.of(
                Purpose.CRIMINAL_INVESTIGATION, Reference.caseReport("26-1"), "average speed between camera 3 and camera 7"))), Rule.PROHIBITED_PURPOSE);
    }

    @Test
    void externalSearch_needsAnAuthorizedRoleCurrentTrainingAndASession() {
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(f.auditor, external("ABC1234", stolen())), Rule.AUTHORIZED_ROLE);
        f.policy.addUser(f.admin, new User("ofc.new", "NEW", HOME, Set.of(Role.OFFICER), List.of(), true), PolicyFixture.PASSWORD);
        Session untrained = f.policy.login("ofc.new", PolicyFixture.PASSWORD);
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(untrained, external("ABC1234", stolen())), Rule.CURRENT_TRAINING);
        Session forged = new Session("det.jones", HOME, START, new Object());
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(forged, external("ABC1234", stolen())), Rule.AUTHENTICATED_SESSION);
    }

    @Test
    void externalSearch_protectedCharacteristics_areRefusedOrHeldForReview() {
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(f.investigator, external("ABC1234", PurposeStatement.of(
                Purpose.CRIMINAL_INVESTIGATION, Reference.caseReport("26-1"), "everyone who attended the mosque on friday"))),
                Rule.PROTECTED_CHARACTERISTICS);
        ExternalSearch held = external("ABC1234", PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION, Reference.caseReport("26-000777"),
                "armed robbery suspect, black male, fled in a gray sedan"));
        ApprovalRequiredException e = approvalNeeded(() -> f.policy.authorizeExternalSearch(f.investigator, held));
        assertThat(e.rule()).isEqualTo(Rule.PROTECTED_CHARACTERISTICS);
        f.policy.approve(f.supervisor, e.approvalId());
        assertThat(f.policy.authorizeExternalSearch(f.investigator, held.withApproval(e.approvalId())).approvedBy()).contains("sgt.park");
    }

    @Test
    void externalSearch_wideSearch_needsASecondPersonsApproval_forThatSearchOnly() {
        SearchRequest wide = SearchRequest.of(ReadQuery.forPlate("ABC1234", START.minus(Duration.ofDays(29)), START), stolen());
        ApprovalRequiredException internal = approvalNeeded(() -> f.policy.search(f.investigator, wide));
        f.policy.approve(f.supervisor, internal.approvalId());
        // an approval of a search of stored reads does not approve the same search in an external system
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(f.investigator, ExternalSearch.of(FLOCK, wide.withApproval(internal.approvalId()))),
                Rule.SECOND_PERSON_APPROVAL);

        ApprovalRequiredException e = approvalNeeded(() -> f.policy.authorizeExternalSearch(f.investigator, ExternalSearch.of(FLOCK, wide)));
        assertThat(e.rule()).isEqualTo(Rule.WIDE_SEARCH);
        assertRefused(() -> f.policy.approve(f.investigator, e.approvalId()), Rule.AUTHORIZED_ROLE);
        f.policy.approve(f.supervisor2, e.approvalId());
        ExternalSearchGrant g = f.policy.authorizeExternalSearch(f.investigator, ExternalSearch.of(FLOCK, wide).withApproval(e.approvalId()));
        assertThat(g.approvedBy()).contains("lt.reyes");
        assertThat(g.flags()).contains("WIDE_SEARCH");
        assertThat(f.lastEvent().query()).contains("approvedBy=lt.reyes");
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(f.investigator, ExternalSearch.of(FLOCK, wide).withApproval(e.approvalId())),
                Rule.SECOND_PERSON_APPROVAL);
    }

    @Test
    void externalSearch_centredOnASensitivePlace_needsApprovalAndIsFlagged() {
        f.close();
        SensitivePlace church = new SensitivePlace("First Baptist Church", SensitivePlace.Kind.PLACE_OF_WORSHIP, new GeoPoint(38.998, -93.955), 100);
        f = new PolicyFixture(dir.resolve("places"), b -> b.sensitivePlace(church));
        ReadQuery q = new ReadQuery(Optional.of(org.lpr.core.read.PlatePattern.of("ABC1234")), false, START.minus(Duration.ofHours(1)), START,
                Set.of(), Set.of(), Optional.of(new ReadQuery.Radius(new GeoPoint(38.9985, -93.9545), 300)), 50, 0);
        ExternalSearch r = ExternalSearch.of(FLOCK, SearchRequest.of(q, stolen()));
        ApprovalRequiredException e = approvalNeeded(() -> f.policy.authorizeExternalSearch(f.investigator, r));
        assertThat(e.rule()).isEqualTo(Rule.SENSITIVE_PLACE);
        f.policy.approve(f.supervisor, e.approvalId());
        ExternalSearchGrant g = f.policy.authorizeExternalSearch(f.investigator, r.withApproval(e.approvalId()));
        assertThat(g.flags()).contains("SENSITIVE_PLACE");
        AuditReport report = f.policy.auditReport(f.auditor, START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)));
        assertThat(report.findings(ReportFlag.SENSITIVE_PLACE_SEARCH)).anyMatch(x -> x.subject().equals("EXTERNAL_SEARCH"));
    }

    @Test
    void externalSearch_partnerAgencies_needAnAgreement_withinPurposeAndQuota() {
        Session partner = f.addTrained("lex.ofc", PARTNER, Role.PARTNER_AGENCY_USER);
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(partner, external("ABC1234", stolen())), Rule.SHARING_AGREEMENT);
        assertThat(f.incidents).anyMatch(i -> i.kind() == SecurityIncident.Kind.CROSS_AGENCY_ACCESS);

        f.policy.recordAgreement(f.admin, new SharingAgreement("ISA-1", PARTNER, "Lexington Police Department", Set.of(Purpose.STOLEN_VEHICLE),
                Set.of(SharingScope.HISTORICAL_SEARCH), START.minus(Duration.ofDays(30)), START.plus(Duration.ofDays(300)), 1));
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(partner, external("ABC1234", PurposeStatement.of(Purpose.WANTED_PERSON,
                Reference.caseReport("26-9"), "warrant service"))), Rule.SHARING_AGREEMENT);
        assertThat(f.policy.authorizeExternalSearch(partner, external("ABC1234", stolen())).agencies()).containsExactly(HOME);
        assertThat(f.lastEvent().query()).contains("agreement=ISA-1");
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(partner, external("ABC1234", stolen())), Rule.SHARING_QUOTA);
    }

    @Test
    void externalSearch_purposeTheJurisdictionForbidsForSharing_isRefusedForPartners() {
        f.close();
        f = new PolicyFixture(dir.resolve("il"), b -> b.forbidSharing(Jurisdiction.MO, Purpose.IMMIGRATION_ENFORCEMENT));
        f.policy.recordAgreement(f.admin, new SharingAgreement("ISA-1", PARTNER, "Lexington Police Department", Set.of(Purpose.CRIMINAL_INVESTIGATION),
                Set.of(SharingScope.HISTORICAL_SEARCH), START.minus(Duration.ofDays(30)), START.plus(Duration.ofDays(300)), 10));
        Session partner = f.addTrained("lex.ofc", PARTNER, Role.PARTNER_AGENCY_USER);
        assertRefusedAndAudited(() -> f.policy.authorizeExternalSearch(partner, external("ABC1234", PurposeStatement.of(
                Purpose.CRIMINAL_INVESTIGATION, Reference.caseReport("26-5"), "driver has an ICE detainer"))), Rule.SHARING_FORBIDDEN_PURPOSE);
    }

    @Test
    void grant_runsOnce_forItsSystem_beforeItExpires_whileTheSessionLasts() {
        ExternalSearchGrant g = f.policy.authorizeExternalSearch(f.investigator, external("ABC1234", stolen()));
        assertThatThrownBy(() -> g.reportResults(3)).isInstanceOf(IllegalStateException.class);
        assertRefusedAndAudited(() -> g.redeem("Vigilant"), Rule.AUDIT_LOGGED);
        g.redeem(FLOCK);
        assertRefusedAndAudited(() -> g.redeem(FLOCK), Rule.AUDIT_LOGGED);

        ExternalSearchGrant late = f.policy.authorizeExternalSearch(f.investigator, external("ABC1234", stolen()));
        f.clock.advance(LprPolicy.GRANT_VALIDITY);
        assertRefusedAndAudited(() -> late.redeem(FLOCK), Rule.AUDIT_LOGGED);

        Session s = f.login("det.jones");
        ExternalSearchGrant orphan = f.policy.authorizeExternalSearch(s, external("ABC1234", stolen()));
        f.policy.logout(s);
        assertRefusedAndAudited(() -> orphan.redeem(FLOCK), Rule.AUTHENTICATED_SESSION);
    }

    @Test
    void grant_failureIsAudited_andClosesTheGrant() {
        ExternalSearchGrant g = f.policy.authorizeExternalSearch(f.investigator, external("ABC1234", stolen()));
        g.reportFailure("Flock POST /reads/lookup returned HTTP 503; gave up");
        AuditEvent e = f.lastEvent();
        assertThat(e.action()).isEqualTo("EXTERNAL_SEARCH_RESULT");
        assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
        assertThat(e.query()).contains("grant=" + g.id()).contains("failure=Flock POST /reads/lookup returned HTTP 503, gave up");
        assertRefused(() -> g.redeem(FLOCK), Rule.AUDIT_LOGGED);
    }

    @Test
    void externalSearch_countsAsAHistoricalSearchInReports() {
        f.policy.authorizeExternalSearch(f.investigator, external("ABC1234", stolen()));
        f.policy.authorizeExternalSearch(f.supervisor, external("ABC1234", stolen()));
        f.policy.search(f.officer, search("ABC1234", stolen()));
        assertThat(f.policy.transparencyReport(f.auditor, START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1))).searchesByPurpose())
                .containsEntry(Purpose.STOLEN_VEHICLE.label(), 3L);
        AuditReport r = f.policy.auditReport(f.auditor, START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)));
        assertThat(r.findings(ReportFlag.PLATE_SEARCHED_BY_MANY_USERS)).anyMatch(x -> x.subject().equals("ABC1234"));
    }

    @Test
    void externalSearch_invalidRequest_namesEveryProblem() {
        assertThatThrownBy(() -> f.policy.authorizeExternalSearch(f.investigator, new ExternalSearch("x;y", null)))
                .isInstanceOf(InvalidRequestException.class)
                .satisfies(e -> assertThat(((InvalidRequestException) e).problems()).hasSize(2));
        assertThat(f.lastEvent().rule()).isEqualTo("VALID_REQUEST");
    }
}
