package org.lpr.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.lpr.policy.PolicyFixture.HOME;
import static org.lpr.policy.PolicyFixture.PARTNER;
import static org.lpr.policy.PolicyFixture.START;
import static org.lpr.policy.PolicyFixture.STRANGER;
import static org.lpr.policy.PolicyFixture.plateQuery;
import static org.lpr.policy.PolicyFixture.search;
import static org.lpr.policy.PolicyFixture.stolen;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.audit.AuditEvent;
import org.lpr.core.hotlist.Alert;
import org.lpr.core.hotlist.Disposition;
import org.lpr.core.hotlist.Hit;
import org.lpr.core.hotlist.HotList;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.hotlist.MatchKind;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlateRead;
import org.lpr.core.spi.ReadPage;
import org.lpr.core.spi.ReadQuery;
import org.lpr.policy.access.Role;
import org.lpr.policy.access.SecurityIncident;
import org.lpr.policy.access.TrainingRecord;
import org.lpr.policy.access.TrainingTopic;
import org.lpr.policy.access.User;
import org.lpr.policy.alert.AlertCase;
import org.lpr.policy.alert.AlertState;
import org.lpr.policy.alert.ConfirmationPolicy;
import org.lpr.policy.alert.StatusConfirmation;
import org.lpr.policy.alert.VisualVerification;
import org.lpr.policy.audit.AuditRecord;
import org.lpr.policy.hotlist.CustomEntry;
import org.lpr.policy.hotlist.CustomEntryRequest;
import org.lpr.policy.hotlist.HotListRules;
import org.lpr.policy.place.SensitivePlace;
import org.lpr.policy.purpose.Purpose;
import org.lpr.policy.purpose.PurposeStatement;
import org.lpr.policy.purpose.Reference;
import org.lpr.policy.purpose.ReferenceStrictness;
import org.lpr.policy.report.AuditReport;
import org.lpr.policy.report.ReportFlag;
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
 * Every "shall" of the general order as a named test. Each test asserts the rule's effect (a refusal
 * naming the rule, an audit record, an incident), so it fails when the rule is taken out. The module
 * README maps each sentence of the order to its test.
 */
class GeneralOrderConformanceTest {
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

    private static void assertRefused(Runnable r, Rule rule) {
        assertThatThrownBy(r::run).isInstanceOf(PolicyDeniedException.class)
                .satisfies(e -> assertThat(((PolicyDeniedException) e).rule()).isEqualTo(rule))
                .hasMessageStartingWith("[" + rule.name() + "]");
    }

    private static SharingAgreement agreement(String ori, Set<Purpose> purposes, Set<SharingScope> scopes, int quota) {
        return new SharingAgreement("ISA-" + ori, ori, "Lexington Police Department", purposes, scopes, START.minus(Duration.ofDays(30)),
                START.plus(Duration.ofDays(335)), quota);
    }

    private static ApprovalRequiredException approvalNeeded(Runnable r) {
        try {
            r.run();
        } catch (ApprovalRequiredException e) {
            return e;
        }
        throw new AssertionError("expected a supervisor approval to be required");
    }

    // ------------------------------------------------------------------------------------------------
    @Nested
    class Administration {
        @Test
        void administration_userWithoutTraining_isRefusedAccess() {
            f.policy.addUser(f.admin, new User("ofc.new", "NEW", HOME, Set.of(Role.OFFICER), List.of(), true), PolicyFixture.PASSWORD);
            Session s = f.policy.login("ofc.new", PolicyFixture.PASSWORD);
            assertRefused(() -> f.policy.search(s, search("ABC1234", stolen())), Rule.CURRENT_TRAINING);
            assertThat(f.lastEvent().outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
            assertThat(f.lastEvent().rule()).isEqualTo("CURRENT_TRAINING");
        }

        @Test
        void administration_trainingMissingATopic_isRefused() {
            TrainingRecord partial = new TrainingRecord("ops only", EnumSet.complementOf(EnumSet.of(TrainingTopic.CONSTITUTIONAL_CONSIDERATIONS)),
                    START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(300)));
            f.policy.addUser(f.admin, new User("ofc.part", "PART", HOME, Set.of(Role.OFFICER), List.of(partial), true), PolicyFixture.PASSWORD);
            Session s = f.policy.login("ofc.part", PolicyFixture.PASSWORD);
            assertThatThrownBy(() -> f.policy.search(s, search("ABC1234", stolen())))
                    .hasMessageContaining("CONSTITUTIONAL_CONSIDERATIONS");
            f.policy.recordTraining(f.admin, "ofc.part", TrainingRecord.fullCourse("LPR-101", START, START.plus(Duration.ofDays(365))));
            assertThat(f.policy.search(s, search("ABC1234", stolen())).reads()).hasSize(1);
        }

        @Test
        void administration_expiredTraining_isRefused() {
            f.clock.advance(Duration.ofDays(400));
            Session s = f.policy.login("det.jones", PolicyFixture.PASSWORD);
            assertRefused(() -> f.policy.search(s, SearchRequest.of(ReadQuery.forPlate("ABC1234", f.clock.instant().minus(Duration.ofDays(2)),
                    f.clock.instant()), stolen())), Rule.CURRENT_TRAINING);
        }

        @Test
        void administration_aPolicyWithoutADesignatedAdministrator_doesNotBuild() {
            assertThatThrownBy(() -> LprPolicy.builder().agency("Odessa Police Department", HOME, Jurisdiction.MO).readStore(f.store)
                    .auditLog(f.log).build())
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no administrator");
        }

        @Test
        void administration_onlyAdministratorsManageAccess() {
            assertRefused(() -> f.policy.grantRole(f.supervisor, "ofc.diaz", Role.INVESTIGATOR), Rule.AUTHORIZED_ROLE);
            assertRefused(() -> f.policy.grantRole(f.admin, "admin.lee", Role.SUPERVISOR), Rule.ADMINISTRATION);
            f.policy.grantRole(f.admin, "ofc.diaz", Role.INVESTIGATOR);
            assertThat(f.events("PRIVILEGE_CHANGE")).anyMatch(e -> e.query().equals("grant role=INVESTIGATOR;user=ofc.diaz"));
        }

        @Test
        void administration_periodicAudit_findingsAreDocumentedInTheLog() {
            f.policy.search(f.investigator, search("ABC1234", stolen()));
            AuditReport r = f.policy.auditReport(f.auditor, START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)));
            assertThat(r.eventsByAction()).containsKey("HISTORICAL_SEARCH");
            assertThat(f.lastEvent().action()).isEqualTo("AUDIT_REPORT");
            assertThat(f.lastEvent().query()).contains("findings=" + r.findings().size());
        }

        @Test
        void administration_repeatedUnauthorizedAccess_isReportedAsIncident() {
            for (int i = 0; i < 3; i++) {
                assertRefused(() -> f.policy.search(f.auditor, search("ABC1234", stolen())), Rule.AUTHORIZED_ROLE);
            }
            assertThat(f.incidents).anyMatch(i -> i.kind() == SecurityIncident.Kind.REPEATED_DENIALS && i.userId().equals("aud.kim"));
            assertThat(f.events("SECURITY_INCIDENT")).isNotEmpty();
        }

        @Test
        void administration_failedLogins_lockTheAccountAndAreReported() {
            for (int i = 0; i < 5; i++) {
                assertRefused(() -> f.policy.login("ofc.diaz", "wrong password!".toCharArray()), Rule.AUTHENTICATED_SESSION);
            }
            assertRefused(() -> f.policy.login("ofc.diaz", PolicyFixture.PASSWORD), Rule.ACCOUNT_LOCKOUT);
            assertThat(f.incidents).anyMatch(i -> i.kind() == SecurityIncident.Kind.ACCOUNT_LOCKED);
            f.clock.advance(Duration.ofMinutes(11));
            assertThat(f.policy.login("ofc.diaz", PolicyFixture.PASSWORD).userId()).isEqualTo("ofc.diaz");
        }

        @Test
        void administration_brokenAuditChain_isReportedAsIncident() throws Exception {
            List<String> lines = Files.readAllLines(f.log.file());
            lines.set(0, lines.get(0).replace("\"userId\":\"admin.lee\"", "\"userId\":\"someone\""));
            Files.write(f.log.file(), lines);
            assertThat(f.policy.verifyAuditLog(f.auditor).intact()).isFalse();
            assertThat(f.incidents).anyMatch(i -> i.kind() == SecurityIncident.Kind.AUDIT_CHAIN_BROKEN);
        }
    }

    // ------------------------------------------------------------------------------------------------
    @Nested
    class AuthorizedUse {
        @Test
        void authorizedUse_officialPurposeWithReference_isAllowedAndLogged() {
            ReadPage page = f.policy.search(f.investigator, search("ABC1234", stolen()));
            assertThat(page.reads()).containsExactly(f.homeRead);
            AuditEvent e = f.lastEvent();
            assertThat(e.action()).isEqualTo("HISTORICAL_SEARCH");
            assertThat(e.userId()).isEqualTo("det.jones");
            assertThat(e.purpose()).isEqualTo("STOLEN_VEHICLE");
            assertThat(e.reference()).isEqualTo("CASE_REPORT:26-000123");
            assertThat(e.query()).startsWith("plate=ABC1234;");
            assertThat(e.resultCount()).isEqualTo(1);
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.ALLOWED);
        }

        @Test
        void authorizedUse_speedEnforcementPurpose_isRefused() {
            assertRefused(() -> f.policy.search(f.investigator, search("ABC1234",
                    PurposeStatement.of(Purpose.SPEED_ENFORCEMENT, Reference.caseReport("26-1"), "speed check on Highway 13"))), Rule.PROHIBITED_PURPOSE);
        }

        @Test
        void authorizedUse_trafficCitationPurpose_isRefused() {
            assertRefused(() -> f.policy.search(f.investigator, search("ABC1234",
                    PurposeStatement.of(Purpose.TRAFFIC_CITATION, Reference.caseReport("26-1"), "mail the owner a ticket"))), Rule.PROHIBITED_PURPOSE);
        }

        @Test
        void authorizedUse_speedEnforcementDisguisedInDescription_isRefused() {
            assertRefused(() -> f.policy.search(f.investigator, search("ABC1234", PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION,
                    Reference.caseReport("26-1"), "average speed between camera 3 and camera 7"))), Rule.PROHIBITED_PURPOSE);
        }

        @Test
        void authorizedUse_noPublicApiComputesSpeedsBetweenCameras() throws Exception {
            for (Class<?> c : List.of(LprPolicy.class, Session.class, SearchRequest.class)) {
                for (Method m : c.getMethods()) {
                    assertThat(m.getName().toLowerCase()).doesNotContain("speed").doesNotContain("velocity");
                }
            }
        }

        @Test
        void authorizedUse_searchWithoutReference_isRefusedWhenRequired() {
            assertRefused(() -> f.policy.search(f.investigator, search("ABC1234",
                    PurposeStatement.withoutReference(Purpose.STOLEN_VEHICLE, "stolen silver Silverado"))), Rule.REFERENCE);
        }

        @Test
        void authorizedUse_investigationAloneIsNeverAReference() {
            assertRefused(() -> f.policy.search(f.investigator, search("ABC1234", PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION,
                    Reference.documentedActivity("investigation"), "investigation"))), Rule.REFERENCE);
            assertRefused(() -> f.policy.search(f.investigator, search("ABC1234", PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION,
                    Reference.documentedActivity("ongoing investigative purposes"), "follow up"))), Rule.REFERENCE);
            assertThat(f.policy.search(f.investigator, search("ABC1234", PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION,
                    Reference.documentedActivity("burglary series Westgate apartments"), "burglary suspect vehicle"))).reads()).hasSize(1);
        }

        @Test
        void authorizedUse_searchWithoutReference_isFlaggedWhereAllowed() {
            f.close();
            f = new PolicyFixture(dir.resolve("flagged"), b -> b.referenceStrictness(ReferenceStrictness.FLAGGED));
            f.policy.search(f.investigator, search("ABC1234", PurposeStatement.withoutReference(Purpose.STOLEN_VEHICLE, "stolen silver Silverado")));
            assertThat(f.lastEvent().outcome()).isEqualTo(AuditEvent.Outcome.FLAGGED);
            assertThat(f.lastEvent().rule()).contains("REFERENCE");
        }

        @Test
        void authorizedUse_onlyAuthorizedRolesAccessData() {
            assertRefused(() -> f.policy.search(f.auditor, search("ABC1234", stolen())), Rule.AUTHORIZED_ROLE);
            assertRefused(() -> f.policy.export(f.officer, new ExportRequest(List.of(f.homeRead.id()), "case file 26-000123", stolen(),
                    Optional.empty())), Rule.AUTHORIZED_ROLE);
        }

        @Test
        void authorizedUse_withoutAValidSession_isRefused() {
            Session forged = new Session("det.jones", HOME, START, new Object());
            assertRefused(() -> f.policy.search(forged, search("ABC1234", stolen())), Rule.AUTHENTICATED_SESSION);
            assertRefused(() -> f.policy.search(null, search("ABC1234", stolen())), Rule.AUTHENTICATED_SESSION);
            f.policy.logout(f.investigator);
            assertRefused(() -> f.policy.search(f.investigator, search("ABC1234", stolen())), Rule.AUTHENTICATED_SESSION);
        }

        @Test
        void authorizedUse_idleSession_expires() {
            f.clock.advance(Duration.ofMinutes(31));
            assertRefused(() -> f.policy.search(f.investigator, search("ABC1234", stolen())), Rule.AUTHENTICATED_SESSION);
        }
    }

    // ------------------------------------------------------------------------------------------------
    @Nested
    class ProtectedCharacteristics {
        @Test
        void purpose_groupTargetingByReligion_isRefused() {
            assertRefused(() -> f.policy.search(f.investigator, search("ABC1234", PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION,
                    Reference.caseReport("26-1"), "everyone who attended the mosque on friday"))), Rule.PROTECTED_CHARACTERISTICS);
        }

        @Test
        void purpose_lawfulEventParticipants_areRefused() {
            assertRefused(() -> f.policy.search(f.investigator, search("ABC1234", PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION,
                    Reference.caseReport("26-1"), "identify protesters at the courthouse"))), Rule.PROTECTED_CHARACTERISTICS);
        }

        @Test
        void purpose_suspectDescriptionNamingRace_needsSupervisorReview() {
            SearchRequest r = search("ABC1234", PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION, Reference.caseReport("26-000777"),
                    "armed robbery suspect, black male, fled in a gray sedan"));
            ApprovalRequiredException e = approvalNeeded(() -> f.policy.search(f.investigator, r));
            assertThat(e.rule()).isEqualTo(Rule.PROTECTED_CHARACTERISTICS);
            f.policy.approve(f.supervisor, e.approvalId());
            assertThat(f.policy.search(f.investigator, r.withApproval(e.approvalId())).reads()).hasSize(1);
        }

        @Test
        void purpose_searchCentredOnSensitivePlace_needsApprovalAndIsFlagged() {
            f.close();
            SensitivePlace church = new SensitivePlace("First Baptist Church", SensitivePlace.Kind.PLACE_OF_WORSHIP, new GeoPoint(38.998, -93.955), 100);
            f = new PolicyFixture(dir.resolve("places"), b -> b.sensitivePlace(church));
            ReadQuery q = new ReadQuery(Optional.empty(), false, START.minus(Duration.ofHours(1)), START, Set.of(), Set.of(),
                    Optional.of(new ReadQuery.Radius(new GeoPoint(38.9985, -93.9545), 300)), 100, 0);
            SearchRequest r = SearchRequest.of(q, stolen());
            ApprovalRequiredException e = approvalNeeded(() -> f.policy.search(f.investigator, r));
            assertThat(e.rule()).isEqualTo(Rule.SENSITIVE_PLACE);
            assertThat(e.reasons()).anyMatch(x -> x.contains("First Baptist Church"));
            f.policy.approve(f.supervisor, e.approvalId());
            f.policy.search(f.investigator, r.withApproval(e.approvalId()));
            assertThat(f.lastEvent().rule()).contains("SENSITIVE_PLACE");
            assertThat(f.lastEvent().query()).contains("approvedBy=sgt.park");
        }
    }

    // ------------------------------------------------------------------------------------------------
    @Nested
    class SecondPerson {
        private SearchRequest wide() {
            return SearchRequest.of(ReadQuery.forPlate("ABC1234", START.minus(Duration.ofDays(29)), START), stolen());
        }

        @Test
        void wideSearch_longTimeSpan_needsSupervisorApprovalFirst() {
            ApprovalRequiredException e = approvalNeeded(() -> f.policy.search(f.investigator, wide()));
            assertThat(e.rule()).isEqualTo(Rule.WIDE_SEARCH);
            assertRefused(() -> f.policy.search(f.investigator, wide().withApproval(e.approvalId())), Rule.SECOND_PERSON_APPROVAL);
            f.policy.approve(f.supervisor, e.approvalId());
            assertThat(f.policy.search(f.investigator, wide().withApproval(e.approvalId())).reads()).hasSize(1);
            assertRefused(() -> f.policy.search(f.investigator, wide().withApproval(e.approvalId())), Rule.SECOND_PERSON_APPROVAL);
        }

        @Test
        void wideSearch_withoutPlate_needsSupervisorApproval() {
            ReadQuery sweep = new ReadQuery(Optional.empty(), false, START.minus(Duration.ofHours(12)), START, Set.of(), Set.of(), Optional.empty(), 100, 0);
            assertThat(approvalNeeded(() -> f.policy.search(f.investigator, SearchRequest.of(sweep, stolen()))).reasons())
                    .anyMatch(r -> r.contains("without a plate"));
        }

        @Test
        void wideSearch_supervisorCannotApproveOwnRequest() {
            ApprovalRequiredException e = approvalNeeded(() -> f.policy.search(f.supervisor, wide()));
            assertRefused(() -> f.policy.approve(f.supervisor, e.approvalId()), Rule.SECOND_PERSON_APPROVAL);
            f.policy.approve(f.supervisor2, e.approvalId());
            assertThat(f.policy.search(f.supervisor, wide().withApproval(e.approvalId())).reads()).hasSize(1);
        }

        @Test
        void wideSearch_approvalCoversOnlyTheApprovedRequest() {
            ApprovalRequiredException e = approvalNeeded(() -> f.policy.search(f.investigator, wide()));
            f.policy.approve(f.supervisor, e.approvalId());
            SearchRequest other = SearchRequest.of(ReadQuery.forPlate("XYZ*", START.minus(Duration.ofDays(29)), START), stolen());
            assertRefused(() -> f.policy.search(f.investigator, other.withApproval(e.approvalId())), Rule.SECOND_PERSON_APPROVAL);
        }
    }

    // ------------------------------------------------------------------------------------------------
    @Nested
    class UnauthorizedUse {
        @Test
        void unauthorizedUse_personalPurpose_isRefused() {
            assertRefused(() -> f.policy.search(f.officer, search("ABC1234",
                    PurposeStatement.of(Purpose.PERSONAL, Reference.caseReport("26-1"), "where my car was towed"))), Rule.PROHIBITED_PURPOSE);
        }

        @Test
        void unauthorizedUse_personalUseDisguisedAsInvestigation_isRefused() {
            assertRefused(() -> f.policy.search(f.officer, search("ABC1234", PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION,
                    Reference.caseReport("26-1"), "where is my ex-girlfriend parking these days"))), Rule.PROHIBITED_PURPOSE);
        }

        @Test
        void unauthorizedUse_politicalAndCommercialPurposes_areRefused() {
            assertRefused(() -> f.policy.search(f.officer, search("ABC1234",
                    PurposeStatement.of(Purpose.POLITICAL, Reference.caseReport("26-1"), "campaign office visitors"))), Rule.PROHIBITED_PURPOSE);
            assertRefused(() -> f.policy.search(f.officer, search("ABC1234",
                    PurposeStatement.of(Purpose.COMMERCIAL, Reference.caseReport("26-1"), "for the dealership"))), Rule.PROHIBITED_PURPOSE);
            assertRefused(() -> f.policy.search(f.officer, search("ABC1234",
                    PurposeStatement.of(Purpose.HARASSMENT, Reference.caseReport("26-1"), "show him we know where he goes"))), Rule.PROHIBITED_PURPOSE);
            assertRefused(() -> f.policy.search(f.officer, search("ABC1234",
                    PurposeStatement.of(Purpose.NON_OFFICIAL, Reference.caseReport("26-1"), "checking a plate"))), Rule.PROHIBITED_PURPOSE);
        }

        @Test
        void unauthorizedUse_disseminationWithoutAgreement_isRefused() {
            assertRefused(() -> f.policy.disseminate(f.investigator, new DisseminationRequest(List.of(f.homeRead.id()), STRANGER,
                    "Det. Brown, KCK PD", stolen(), Optional.empty())), Rule.DISSEMINATION);
        }
    }

    // ------------------------------------------------------------------------------------------------
    @Nested
    class AlertVerification {
        Alert alert;

        @BeforeEach
        void raise() {
            PlateRead r = f.homeRead;
            HotListEntry entry = HotListEntry.of("NIC-V123456", "ABC1234", Jurisdiction.MO, ListType.STOLEN_VEHICLE, "stolen 2019 Silverado", "");
            alert = new Alert("A-1", r, List.of(new Hit("ABC1234", entry, MatchKind.EXACT, 1.0, true)), START);
            f.policy.alertSink().onAlert(alert);
        }

        @Test
        void alert_alone_neverAllowsEnforcement() {
            assertRefused(() -> f.policy.authorizeEnforcement(f.officer, "A-1"), Rule.ALERT_NOT_SUFFICIENT);
            assertRefused(() -> f.policy.recordDisposition(f.officer, "A-1", Disposition.Outcome.ACTION_TAKEN, "stopped"), Rule.ALERT_NOT_SUFFICIENT);
        }

        @Test
        void alert_visualVerificationMustIncludeTheState() {
            assertRefused(() -> f.policy.recordVerification(f.officer, "A-1", new VisualVerification("ABC 1234", Jurisdiction.UNKNOWN)),
                    Rule.ALERT_VISUAL_VERIFICATION);
        }

        @Test
        void alert_stateOfIssuanceMismatch_closesTheAlert() {
            AlertCase c = f.policy.recordVerification(f.officer, "A-1", new VisualVerification("ABC1234", Jurisdiction.KS));
            assertThat(c.state()).isEqualTo(AlertState.CLOSED);
            assertThat(c.disposition().orElseThrow().outcome()).isEqualTo(Disposition.Outcome.STATE_MISMATCH);
            assertRefused(() -> f.policy.authorizeEnforcement(f.officer, "A-1"), Rule.ALERT_NOT_SUFFICIENT);
        }

        @Test
        void alert_characterMismatch_closesAsMisread() {
            AlertCase c = f.policy.recordVerification(f.officer, "A-1", new VisualVerification("ABC1284", Jurisdiction.MO));
            assertThat(c.disposition().orElseThrow().outcome()).isEqualTo(Disposition.Outcome.MISREAD);
        }

        @Test
        void alert_verifiedButStatusNotConfirmed_isNotEnough() {
            assertThat(f.policy.recordVerification(f.officer, "A-1", new VisualVerification("abc-1234", Jurisdiction.MO)).state())
                    .isEqualTo(AlertState.PLATE_VERIFIED);
            assertRefused(() -> f.policy.authorizeEnforcement(f.officer, "A-1"), Rule.ALERT_NOT_SUFFICIENT);
        }

        @Test
        void alert_verifiedAndConfirmed_allowsEnforcement_andDispositionIsRecorded() {
            f.policy.recordVerification(f.officer, "A-1", new VisualVerification("ABC1234", Jurisdiction.MO));
            assertThat(f.policy.recordConfirmation(f.officer, "A-1", StatusConfirmation.via(StatusConfirmation.Channel.NCIC, true, "NCIC QV 0412")).state())
                    .isEqualTo(AlertState.ENFORCEMENT_ALLOWED);
            assertThat(f.policy.authorizeEnforcement(f.officer, "A-1").state()).isEqualTo(AlertState.ENFORCEMENT_ALLOWED);
            AlertCase c = f.policy.recordDisposition(f.officer, "A-1", Disposition.Outcome.ACTION_TAKEN, "driver arrested, vehicle recovered");
            assertThat(c.disposition().orElseThrow().officerId()).isEqualTo("ofc.diaz");
            assertThat(f.events("ALERT_DISPOSITION")).hasSize(1);
        }

        @Test
        void alert_confirmationNotPractical_isRefusedWhereRequired() {
            f.close();
            f = new PolicyFixture(dir.resolve("strict"), b -> b.confirmationPolicy(ConfirmationPolicy.REQUIRED));
            f.policy.alertSink().onAlert(alert);
            assertRefused(() -> f.policy.recordConfirmation(f.officer, "A-1", StatusConfirmation.notPractical("radio down")),
                    Rule.ALERT_STATUS_CONFIRMATION);
        }

        @Test
        void alert_entryNoLongerActive_closesTheAlert() {
            f.policy.recordVerification(f.officer, "A-1", new VisualVerification("ABC1234", Jurisdiction.MO));
            AlertCase c = f.policy.recordConfirmation(f.officer, "A-1", StatusConfirmation.via(StatusConfirmation.Channel.DISPATCH, false, "recovered 02/28"));
            assertThat(c.disposition().orElseThrow().outcome()).isEqualTo(Disposition.Outcome.ENTRY_NOT_ACTIVE);
        }
    }

    // ------------------------------------------------------------------------------------------------
    @Nested
    class HotListManagement {
        private CustomEntryRequest request(String reason, PurposeStatement p) {
            return new CustomEntryRequest("7XK 2145", Jurisdiction.MO, ListType.CRIMINAL_INVESTIGATION, reason, p,
                    START.plus(Duration.ofDays(30)), Optional.empty(), 3);
        }

        @Test
        void hotList_reasonMustBeDocumented() {
            assertThatThrownBy(() -> f.policy.requestHotListEntry(f.officer, request("", stolen())))
                    .isInstanceOf(InvalidRequestException.class).hasMessageContaining("reason must be 10 to 1000 characters");
        }

        @Test
        void hotList_entryWithCaseNumber_isActiveAndAudited() {
            CustomEntry e = f.policy.requestHotListEntry(f.officer, request("vehicle used in the 2/27 burglary on Main", stolen()));
            assertThat(e.status()).isEqualTo(CustomEntry.Status.ACTIVE);
            assertThat(f.policy.customHotList(f.officer).entries()).extracting(HotListEntry::id).containsExactly(e.id());
            assertThat(f.events("HOT_LIST_ADD")).hasSize(1);
        }

        @Test
        void hotList_entryWithoutReference_needsSupervisorApproval() {
            CustomEntry e = f.policy.requestHotListEntry(f.officer, request("tip from a witness about a burglary getaway car",
                    PurposeStatement.withoutReference(Purpose.INVESTIGATIVE_LEAD, "witness tip on burglary getaway car")));
            assertThat(e.status()).isEqualTo(CustomEntry.Status.PENDING_APPROVAL);
            assertThat(f.policy.customHotList(f.officer).entries()).isEmpty();
            assertRefused(() -> f.policy.approveHotListEntry(f.officer, e.id()), Rule.AUTHORIZED_ROLE);
            assertThat(f.policy.approveHotListEntry(f.supervisor, e.id()).status()).isEqualTo(CustomEntry.Status.ACTIVE);
        }

        @Test
        void hotList_entryWithoutReference_isRefusedWhereRequired() {
            f.close();
            f = new PolicyFixture(dir.resolve("strict"), b -> b.hotListRules(new HotListRules(Duration.ofDays(90), Duration.ofDays(7),
                    ReferenceStrictness.REQUIRED)).referenceStrictness(ReferenceStrictness.FLAGGED));
            assertRefused(() -> f.policy.requestHotListEntry(f.officer, request("tip from a witness about a burglary getaway car",
                    PurposeStatement.withoutReference(Purpose.INVESTIGATIVE_LEAD, "witness tip"))), Rule.HOT_LIST_ASSOCIATION);
        }

        @Test
        void hotList_reasonTargetingProtectedGroup_isRefused() {
            assertRefused(() -> f.policy.requestHotListEntry(f.officer, request("cars of members of the mosque on 5th street", stolen())),
                    Rule.PROTECTED_CHARACTERISTICS);
        }

        @Test
        void hotList_reviewDateBeyondTheInterval_isRefused() {
            CustomEntryRequest r = new CustomEntryRequest("7XK2145", Jurisdiction.MO, ListType.CRIMINAL_INVESTIGATION,
                    "vehicle used in the 2/27 burglary on Main", stolen(), START.plus(Duration.ofDays(200)), Optional.empty(), 3);
            assertRefused(() -> f.policy.requestHotListEntry(f.officer, r), Rule.HOT_LIST_REVIEW);
        }

        @Test
        void hotList_entriesOverdueForReview_areRemovedAfterGrace() {
            CustomEntry kept = f.policy.requestHotListEntry(f.officer, request("vehicle used in the 2/27 burglary on Main", stolen()));
            CustomEntry stale = f.policy.requestHotListEntry(f.investigator, request("vehicle seen at 3/1 robbery on Oak", stolen()));
            f.clock.advance(Duration.ofDays(29));
            f.policy.reviewHotListEntry(f.login("sgt.park"), kept.id(), f.clock.instant().plus(Duration.ofDays(60)), "case still open");
            f.clock.advance(Duration.ofDays(9));
            List<CustomEntry> removed = f.policy.sweepHotList();
            assertThat(removed).extracting(CustomEntry::id).containsExactly(stale.id());
            assertThat(f.policy.customHotList(f.login("ofc.diaz")).entries()).extracting(HotListEntry::id).containsExactly(kept.id());
            assertThat(f.events("HOT_LIST_REMOVE")).singleElement().satisfies(e -> assertThat(e.query()).contains("review overdue"));
        }

        @Test
        void hotList_partnerListIsAcceptedOnlyUnderAnAgreement() {
            HotList list = new HotList("Lexington PD wanted", PARTNER, START, List.of(
                    HotListEntry.of("LEX-1", "QRS123", Jurisdiction.MO, ListType.WANTED_PERSON, "warrant 26-CR-1", "26-CR-1")));
            assertRefused(() -> f.policy.acceptPartnerHotList(f.supervisor, PARTNER, list), Rule.PARTNER_HOT_LIST);
            f.policy.recordAgreement(f.admin, agreement(PARTNER, Set.of(Purpose.WANTED_PERSON), Set.of(SharingScope.HOT_LIST), 10));
            assertThat(f.policy.acceptPartnerHotList(f.supervisor, PARTNER, list).entries()).hasSize(1);
        }
    }

    // ------------------------------------------------------------------------------------------------
    @Nested
    class RetentionSecuritySharing {
        @Test
        void retention_nonEvidentiaryReadsArePurgedAfter30Days_withCounts() {
            f.store.saveAll(List.of(PolicyFixture.read("OLD111", PolicyFixture.HOME_CAMERA, START.minus(Duration.ofDays(31)))));
            PurgeReport r = f.policy.purgeExpiredReads();
            assertThat(r.period()).isEqualTo(Duration.ofDays(30));
            assertThat(r.purged()).isEqualTo(1);
            assertThat(f.store.count()).isEqualTo(2);
            assertThat(f.lastEvent().action()).isEqualTo("PURGE");
            assertThat(f.lastEvent().resultCount()).isEqualTo(1);
        }

        @Test
        void retention_periodIsConfigurablePerJurisdiction() {
            f.close();
            f = new PolicyFixture(dir.resolve("mo"), b -> b.retention(RetentionPolicy.standard().with(Jurisdiction.MO, Duration.ofHours(12))));
            assertThat(f.policy.purgeExpiredReads().purged()).isEqualTo(2);
        }

        @Test
        void retention_evidentiaryHoldKeepsReads_andIsAudited() {
            int held = f.policy.placeHold(f.investigator, new HoldRequest(List.of(f.homeRead.id()), HoldBasis.COURT_ORDER,
                    Reference.caseReport("26-CV-0042"), "preservation ordered by the circuit court"));
            assertThat(held).isEqualTo(1);
            assertThat(f.lastEvent().action()).isEqualTo("HOLD");
            f.clock.advance(Duration.ofDays(40));
            f.policy.purgeExpiredReads();
            assertThat(f.store.find(f.homeRead.id())).isPresent();
            assertThat(f.store.find(f.partnerRead.id())).isEmpty();
        }

        @Test
        void retention_holdNeedsABasisAndReference() {
            assertThatThrownBy(() -> f.policy.placeHold(f.investigator, new HoldRequest(List.of(f.homeRead.id()), null, null, "x")))
                    .isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).problems()).hasSize(3));
        }

        @Test
        void sharing_partnerUserWithoutAgreement_isRefused_andReported() {
            Session partner = f.addTrained("lex.ofc", PARTNER, Role.PARTNER_AGENCY_USER);
            assertRefused(() -> f.policy.search(partner, search("ABC1234", stolen())), Rule.SHARING_AGREEMENT);
            assertThat(f.incidents).anyMatch(i -> i.kind() == SecurityIncident.Kind.CROSS_AGENCY_ACCESS);
        }

        @Test
        void sharing_partnerUserUnderAgreement_seesOnlyTheAgencysReads_withinPurposeAndQuota() {
            f.policy.recordAgreement(f.admin, agreement(PARTNER, Set.of(Purpose.STOLEN_VEHICLE), Set.of(SharingScope.HISTORICAL_SEARCH), 2));
            Session partner = f.addTrained("lex.ofc", PARTNER, Role.PARTNER_AGENCY_USER);
            ReadQuery any = ReadQuery.forPlate("*", START.minus(Duration.ofDays(3)), START);
            assertThat(f.policy.search(partner, SearchRequest.of(any, stolen())).reads()).containsExactly(f.homeRead);
            assertRefused(() -> f.policy.search(partner, search("ABC1234", PurposeStatement.of(Purpose.WANTED_PERSON,
                    Reference.caseReport("26-9"), "warrant service"))), Rule.SHARING_AGREEMENT);
            f.policy.search(partner, search("ABC1234", stolen()));
            assertRefused(() -> f.policy.search(partner, search("ABC1234", stolen())), Rule.SHARING_QUOTA);
        }

        @Test
        void sharing_expiredAgreement_isRefused() {
            f.policy.recordAgreement(f.admin, agreement(PARTNER, Set.of(Purpose.STOLEN_VEHICLE), Set.of(SharingScope.HISTORICAL_SEARCH), 50));
            Session partner = f.addTrained("lex.ofc", PARTNER, Role.PARTNER_AGENCY_USER);
            f.policy.endAgreement(f.admin, "ISA-" + PARTNER);
            assertRefused(() -> f.policy.search(partner, search("ABC1234", stolen())), Rule.SHARING_AGREEMENT);
        }

        @Test
        void sharing_purposeTheJurisdictionForbids_isRefused_evenWhenOnlyTheDescriptionSaysSo() {
            f.close();
            f = new PolicyFixture(dir.resolve("il"), b -> b.forbidSharing(Jurisdiction.MO, Purpose.IMMIGRATION_ENFORCEMENT, Purpose.REPRODUCTIVE_HEALTH_CARE));
            f.policy.recordAgreement(f.admin, agreement(PARTNER, Set.of(Purpose.CRIMINAL_INVESTIGATION), Set.of(SharingScope.DISSEMINATION), 50));
            assertRefused(() -> f.policy.recordAgreement(f.admin, agreement(STRANGER, Set.of(Purpose.IMMIGRATION_ENFORCEMENT),
                    Set.of(SharingScope.DISSEMINATION), 5)), Rule.SHARING_FORBIDDEN_PURPOSE);
            assertRefused(() -> f.policy.disseminate(f.investigator, new DisseminationRequest(List.of(f.homeRead.id()), PARTNER, "Det. Cole",
                    PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION, Reference.caseReport("26-5"), "driver has an ICE detainer"), Optional.empty())),
                    Rule.SHARING_FORBIDDEN_PURPOSE);
            assertRefused(() -> f.policy.disseminate(f.investigator, new DisseminationRequest(List.of(f.homeRead.id()), PARTNER, "Det. Cole",
                    PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION, Reference.caseReport("26-5"), "traveled to an abortion clinic out of state"),
                    Optional.empty())), Rule.SHARING_FORBIDDEN_PURPOSE);
        }

        @Test
        void sharing_disseminationUnderAgreement_isLogged() {
            f.policy.recordAgreement(f.admin, agreement(PARTNER, Set.of(Purpose.STOLEN_VEHICLE), Set.of(SharingScope.DISSEMINATION), 50));
            Dissemination d = f.policy.disseminate(f.investigator, new DisseminationRequest(List.of(f.homeRead.id()), PARTNER,
                    "Det. Cole, Lexington PD", stolen(), Optional.empty()));
            assertThat(d.reads()).containsExactly(f.homeRead);
            assertThat(f.lastEvent().action()).isEqualTo("DISSEMINATION");
            assertThat(f.lastEvent().query()).contains("recipient=" + PARTNER).contains("dissemination=" + d.id());
            assertRefused(() -> f.policy.disseminate(f.investigator, new DisseminationRequest(List.of(f.partnerRead.id()), PARTNER,
                    "Det. Cole", stolen(), Optional.empty())), Rule.DISSEMINATION);
        }

        @Test
        void control_readOfAnotherAgencyWithoutAgreement_isRefused_andReported() {
            assertRefused(() -> f.policy.viewRead(f.investigator, ViewRequest.of(f.partnerRead.id(), stolen())), Rule.AGENCY_CONTROL);
            assertThat(f.incidents).anyMatch(i -> i.kind() == SecurityIncident.Kind.CROSS_AGENCY_ACCESS);
            assertThat(f.policy.search(f.investigator, search("XYZ9876", stolen())).reads()).isEmpty();
        }

        @Test
        void logging_everyAccessAllowedOrRefused_isLoggedBeforeItIsAnswered() {
            int before = f.events().size();
            f.policy.viewRead(f.investigator, ViewRequest.of(f.homeRead.id(), stolen()));
            assertRefused(() -> f.policy.viewRead(f.auditor, ViewRequest.of(f.homeRead.id(), stolen())), Rule.AUTHORIZED_ROLE);
            assertThat(f.events()).hasSize(before + 2);
            assertThat(f.forwarded).hasSize(f.events().size());
        }

        @Test
        void logging_accessIsRefusedWhenItCannotBeLogged() {
            f.close();
            f = new PolicyFixture(dir.resolve("sink"), b -> b.auditSink(e -> {
                if (e.action().equals("HISTORICAL_SEARCH")) {
                    throw new IllegalStateException("SIEM unreachable");
                }
            }));
            assertThatThrownBy(() -> f.policy.search(f.investigator, search("ABC1234", stolen()))).hasMessageContaining("SIEM unreachable");
        }
    }

    // ------------------------------------------------------------------------------------------------
    @Nested
    class Audit {
        @Test
        void audit_cjisEvents_logInsFailedLogInsPrivilegeChangesAreLogged() {
            assertRefused(() -> f.policy.login("ofc.diaz", "not the password".toCharArray()), Rule.AUTHENTICATED_SESSION);
            f.policy.revokeRole(f.admin, "ofc.diaz", Role.OFFICER);
            assertThat(f.events("LOGIN")).extracting(AuditEvent::userId).contains("admin.lee", "ofc.diaz");
            assertThat(f.events("LOGIN_FAILED")).extracting(AuditEvent::userId).containsExactly("ofc.diaz");
            assertThat(f.events("PRIVILEGE_CHANGE")).anyMatch(e -> e.query().equals("revoke role=OFFICER;user=ofc.diaz"));
        }

        @Test
        void audit_readsOfTheAuditLog_areThemselvesLogged() {
            List<AuditRecord> records = f.policy.readAuditLog(f.auditor, START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)));
            assertThat(records).isNotEmpty();
            assertThat(f.lastEvent().action()).isEqualTo("AUDIT_READ");
            assertThat(f.lastEvent().resultCount()).isEqualTo(records.size());
            assertRefused(() -> f.policy.readAuditLog(f.investigator, START, START.plusSeconds(1)), Rule.AUTHORIZED_ROLE);
        }

        @Test
        void audit_reportFlags_missingReferences_afterHours_manyUsers_highVolume_sensitivePlaces() {
            f.close();
            SensitivePlace clinic = new SensitivePlace("Westside Clinic", SensitivePlace.Kind.HEALTH_CLINIC, PolicyFixture.ODESSA, 50);
            f = new PolicyFixture(dir.resolve("report"), b -> b.referenceStrictness(ReferenceStrictness.FLAGGED).sensitivePlace(clinic)
                    .reportSettings(new org.lpr.policy.report.ReportSettings(java.time.ZoneId.of("America/Chicago"), java.time.LocalTime.of(7, 0),
                            java.time.LocalTime.of(19, 0), 3, 3)));
            PurposeStatement noRef = PurposeStatement.withoutReference(Purpose.STOLEN_VEHICLE, "stolen silver Silverado");
            f.policy.search(f.investigator, search("ABC1234", noRef));
            f.policy.search(f.officer, search("ABC1234", stolen()));
            f.policy.search(f.supervisor, search("ABC1234", stolen()));
            for (int i = 0; i < 3; i++) {
                f.policy.search(f.investigator, search("QQQ" + i, stolen()));
            }
            f.clock.advance(Duration.ofHours(13));
            f.policy.search(f.login("ofc.diaz"), search("LATE1", stolen()));
            Session det = f.login("det.jones");
            Session sgt = f.login("sgt.park");
            ReadQuery near = new ReadQuery(Optional.of(org.lpr.core.read.PlatePattern.of("ABC1234")), false, START, f.clock.instant(), Set.of(),
                    Set.of(), Optional.of(new ReadQuery.Radius(PolicyFixture.ODESSA, 200)), 100, 0);
            ApprovalRequiredException e = approvalNeeded(() -> f.policy.search(det, SearchRequest.of(near, stolen())));
            f.policy.approve(sgt, e.approvalId());
            f.policy.search(det, SearchRequest.of(near, stolen()).withApproval(e.approvalId()));
            AuditReport r = f.policy.auditReport(f.login("aud.kim"), START.minus(Duration.ofDays(1)), f.clock.instant().plusSeconds(1));
            assertThat(r.findings(ReportFlag.SEARCH_WITHOUT_REFERENCE)).singleElement().satisfies(x -> assertThat(x.userId()).isEqualTo("det.jones"));
            assertThat(r.findings(ReportFlag.PLATE_SEARCHED_BY_MANY_USERS)).singleElement().satisfies(x -> assertThat(x.subject()).isEqualTo("ABC1234"));
            assertThat(r.findings(ReportFlag.HIGH_VOLUME_USER)).singleElement().satisfies(x -> assertThat(x.userId()).isEqualTo("det.jones"));
            assertThat(r.findings(ReportFlag.OUTSIDE_WORKING_HOURS)).extracting(x -> x.userId()).contains("ofc.diaz");
            assertThat(r.findings(ReportFlag.SENSITIVE_PLACE_SEARCH)).hasSize(1);
        }

        @Test
        void transparency_reportHoldsCountsButNoPersonalData() {
            f.policy.search(f.investigator, search("ABC1234", stolen()));
            f.policy.recordAgreement(f.admin, agreement(PARTNER, Set.of(Purpose.STOLEN_VEHICLE), Set.of(SharingScope.DISSEMINATION), 5));
            TransparencyReport t = f.policy.transparencyReport(f.admin, START.minus(Duration.ofDays(1)), START.plus(Duration.ofDays(1)));
            assertThat(t.retentionDays()).isEqualTo(30);
            assertThat(t.auditRetentionDays()).isGreaterThanOrEqualTo(365);
            assertThat(t.searchesByPurpose()).isEqualTo(Map.of("locating stolen vehicles", 1L));
            assertThat(t.partnerAgencies()).containsExactly("Lexington Police Department");
            assertThat(t.readsStored()).isEqualTo(2);
            for (String text : List.of(t.toJson(), t.toText())) {
                assertThat(text).doesNotContain("det.jones", "admin.lee", "ABC1234", "26-000123", "38.99", "XYZ9876");
            }
        }

        @Test
        void validation_everyProblemIsReportedAtOnce() {
            SearchRequest bad = new SearchRequest(plateQuery("ABC1234"), new PurposeStatement(null, Optional.of(new Reference(Reference.Kind.CASE_REPORT, "#")), "x"),
                    Set.of("nope"), Optional.empty());
            assertThatThrownBy(() -> f.policy.search(f.investigator, bad)).isInstanceOf(InvalidRequestException.class)
                    .satisfies(e -> assertThat(((InvalidRequestException) e).problems()).hasSize(5)
                            .anyMatch(p -> p.startsWith("purpose.purpose: purpose is missing"))
                            .anyMatch(p -> p.contains("description must be 3 to 500 characters"))
                            .anyMatch(p -> p.contains("partner agency ORI 'nope'")));
        }
    }

    @Test
    void publicApi_hasNoBackDoorToReads() {
        // every public method anywhere in lpr-policy that hands out reads takes a Session first
        for (Class<?> c : List.of(LprPolicy.class, org.lpr.policy.audit.HashChainedAuditLog.class, org.lpr.policy.purpose.TermScreen.class,
                AuditReport.class, TransparencyReport.class)) {
            for (Method m : c.getDeclaredMethods()) {
                if (!Modifier.isPublic(m.getModifiers())) {
                    continue;
                }
                String returned = m.getGenericReturnType().getTypeName();
                if (returned.contains("PlateRead") || returned.contains("ReadPage") || returned.contains("Dissemination")
                        || returned.contains("HotList") || returned.contains("ReadStore") || returned.contains("ExternalSearchGrant")) {
                    assertThat(m.getParameterTypes()).as(c.getSimpleName() + "." + m.getName()).isNotEmpty();
                    assertThat(m.getParameterTypes()[0]).as(c.getSimpleName() + "." + m.getName()).isEqualTo(Session.class);
                }
            }
        }
        assertThat(Session.class.getConstructors()).isEmpty();
        assertThat(ExternalSearchGrant.class.getConstructors()).isEmpty();
    }
}
