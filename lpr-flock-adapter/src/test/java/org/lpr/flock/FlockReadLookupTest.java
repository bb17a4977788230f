package org.lpr.flock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.PolicyViolationException;
import org.lpr.core.audit.AuditEvent;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlatePattern;
import org.lpr.core.read.PlateRead;
import org.lpr.core.spi.ReadQuery;
import org.lpr.core.testing.MutableClock;
import org.lpr.policy.ApprovalRequiredException;
import org.lpr.policy.ExternalSearch;
import org.lpr.policy.ExternalSearchGrant;
import org.lpr.policy.LprPolicy;
import org.lpr.policy.MemoryReadStore;
import org.lpr.policy.PolicyDeniedException;
import org.lpr.policy.Rule;
import org.lpr.policy.SearchRequest;
import org.lpr.policy.Session;
import org.lpr.policy.access.Role;
import org.lpr.policy.access.TrainingRecord;
import org.lpr.policy.access.User;
import org.lpr.policy.audit.AuditRecord;
import org.lpr.policy.audit.HashChainedAuditLog;
import org.lpr.policy.place.SensitivePlace;
import org.lpr.policy.purpose.Purpose;
import org.lpr.policy.purpose.PurposeStatement;
import org.lpr.policy.purpose.Reference;

/**
 * Flock plate read lookups through a real lpr-policy (users, training, purposes, approvals, a hash-chained audit
 * log in a temporary file) against the loopback Flock server: a lookup runs only with the policy's grant, and a
 * refused one never reaches Flock.
 */
class FlockReadLookupTest {
    private static final String ORI = "MO0920200";
    private static final Instant NOW = Instant.parse("2026-04-08T15:00:00Z");
    private static final Instant FROM = Instant.parse("2026-04-01T15:00:00Z");
    private static final Instant TO = NOW;
    private static final char[] PASSWORD = "correct horse battery".toCharArray();

    @TempDir
    Path dir;

    private final ObjectMapper json = new ObjectMapper();
    private final MutableClock clock = new MutableClock(NOW);
    private FlockServer flock;
    private FlockClient client;
    private HashChainedAuditLog log;
    private LprPolicy policy;
    private Session admin;
    private Session detective;
    private Session sergeant;
    private FlockReadLookup lookups;

    @BeforeEach
    void start() throws IOException {
        flock = new FlockServer();
        client = flock.client().build();
        log = HashChainedAuditLog.open(dir.resolve("audit.jsonl"), clock, HashChainedAuditLog.MINIMUM_RETENTION);
        policy = LprPolicy.builder()
                .agency("Odessa Police Department", ORI, Jurisdiction.MO)
                .readStore(new MemoryReadStore())
                .auditLog(log)
                .clock(clock)
                .passwordIterations(1_000)
                .sensitivePlace(new SensitivePlace("First Baptist Church", SensitivePlace.Kind.PLACE_OF_WORSHIP, new GeoPoint(38.998, -93.955), 100))
                .administrator(user("admin.lee", Role.ADMINISTRATOR, true), PASSWORD)
                .build();
        admin = policy.login("admin.lee", PASSWORD);
        detective = add("det.jones", Role.INVESTIGATOR, true);
        sergeant = add("sgt.park", Role.SUPERVISOR, true);
        lookups = FlockReadLookup.of(client, ORI);
    }

    @AfterEach
    void stop() {
        flock.close();
        policy.close();
        log.close();
    }

    private static User user(String id, Role role, boolean trained) {
        List<TrainingRecord> training = trained
                ? List.of(TrainingRecord.fullCourse("LPR-101", NOW.minus(Duration.ofDays(10)), NOW.plus(Duration.ofDays(365))))
                : List.of();
        return new User(id, id.toUpperCase(), ORI, Set.of(role), training, true);
    }

    private Session add(String id, Role role, boolean trained) {
        policy.addUser(admin, user(id, role, trained), PASSWORD);
        return policy.login(id, PASSWORD);
    }

    private static PurposeStatement stolen() {
        return PurposeStatement.of(Purpose.STOLEN_VEHICLE, Reference.caseReport("24-1234"), "stolen silver Silverado from the Casey's lot");
    }

    private static ReadQuery query(String plate, Optional<ReadQuery.Area> area, int limit) {
        return new ReadQuery(Optional.of(PlatePattern.of(plate)), false, FROM, TO, Set.of(), Set.of(), area, limit, 0);
    }

    private static ExternalSearch flockSearch(String plate, PurposeStatement p) {
        return ExternalSearch.of(FlockReadLookup.SYSTEM, SearchRequest.of(query(plate, Optional.empty(), 50), p));
    }

    /** The integrator's path: ask the policy, then run the grant in Flock. */
    private LookupResult lookup(Session s, ExternalSearch search) {
        return lookups.lookup(policy.authorizeExternalSearch(s, search));
    }

    private List<AuditEvent> events(String action) {
        return log.read(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")).stream().map(AuditRecord::event)
                .filter(e -> e.action().equals(action)).toList();
    }

    private ObjectNode read(String id, String plate, String state, String at, double lat, double lon) {
        ObjectNode r = json.createObjectNode().put("id", id).put("capturedAt", at);
        ObjectNode device = r.putObject("device").put("id", "dev-" + id).put("type", "camera").put("name", "Main & 5th");
        device.putObject("location").put("latitude", lat).put("longitude", lon);
        device.putObject("network").put("id", "net-1").put("name", "Odessa PD");
        r.putObject("plate").put("plate", plate).put("confidence", 0.91);
        if (state != null) {
            r.putObject("state").put("state", state).put("confidence", 0.7);
        }
        r.put("link", "https://share.flocksafety.com/lookup/" + id);
        return r;
    }

    @Test
    void lookup_withSessionPurposeAndReference_sendsTheGrantedSearch_mapsReads_andAuditsRequestAndResultCount() {
        flock.reads.add(read("r1", "ABC1234", "missouri", "2026-04-02T10:00:00.123456Z", 37.21, -93.29));
        flock.reads.add(read("r2", "ABC1234", null, "2026-04-03T11:00:00Z", 37.30, -93.30));
        flock.reads.add(read("r3", "ZZZ999", "kansas", "2026-04-03T11:00:00Z", 37.30, -93.30));
        ExternalSearchGrant grant = policy.authorizeExternalSearch(detective, ExternalSearch.of(FlockReadLookup.SYSTEM, SearchRequest.of(
                query("abc 1234", Optional.of(new ReadQuery.Radius(new GeoPoint(37.25, -93.3), 16_093.44)), 50), stolen())));

        LookupResult result = lookups.lookup(grant, Jurisdiction.MO);

        assertThat(result.reads()).extracting(PlateRead::id).containsExactly("r1", "r2");
        PlateRead r1 = result.reads().get(0);
        assertThat(r1.plate().text()).isEqualTo("ABC1234");
        assertThat(r1.plate().jurisdiction()).isEqualTo(Jurisdiction.MO);
        assertThat(r1.confidence()).isEqualTo(0.91);
        assertThat(r1.jurisdictionConfidence()).isEqualTo(0.7);
        assertThat(r1.capturedAt()).isEqualTo(Instant.parse("2026-04-02T10:00:00.123456Z"));
        assertThat(r1.camera().id()).isEqualTo("dev-r1");
        assertThat(r1.camera().agencyOri()).isEqualTo(ORI);
        assertThat(r1.location()).contains(new GeoPoint(37.21, -93.29));
        assertThat(result.reads().get(1).plate().jurisdiction()).isEqualTo(Jurisdiction.UNKNOWN);
        assertThat(result.totalItems()).isEqualTo(2);

        JsonNode body = flock.bodies.get(flock.bodies.size() - 1);
        assertThat(body.path("plate").asText()).isEqualTo("ABC1234");
        assertThat(body.path("reason").asText())
                .isEqualTo("locating stolen vehicles: stolen silver Silverado from the Casey's lot [" + grant.id() + "]");
        assertThat(body.path("caseNumber").asText()).isEqualTo("24-1234");
        assertThat(body.path("startDate").asText()).isEqualTo("2026-04-01T15:00:00Z");
        assertThat(body.path("endDate").asText()).isEqualTo("2026-04-08T15:00:00Z");
        assertThat(body.path("state").asText()).isEqualTo("missouri");
        assertThat(body.path("limit").asInt()).isEqualTo(50);
        assertThat(body.path("sort").get(0).path("field").asText()).isEqualTo("capturedAt");
        assertThat(body.path("radius").path("radius").path("radius").asDouble()).isEqualTo(10.0);
        assertThat(body.path("radius").path("radius").path("latitude").asDouble()).isEqualTo(37.25);
        assertThat(body.has("area")).isFalse();

        List<AuditEvent> allowed = events("EXTERNAL_SEARCH");
        assertThat(allowed).hasSize(1);
        assertThat(allowed.get(0).outcome()).isEqualTo(AuditEvent.Outcome.ALLOWED);
        assertThat(allowed.get(0).userId()).isEqualTo("det.jones");
        assertThat(allowed.get(0).purpose()).isEqualTo("STOLEN_VEHICLE");
        assertThat(allowed.get(0).reference()).isEqualTo("CASE_REPORT:24-1234");
        assertThat(allowed.get(0).query()).startsWith("system=Flock Safety;plate=ABC1234;").endsWith("grant=" + grant.id());
        List<AuditEvent> results = events("EXTERNAL_SEARCH_RESULT");
        assertThat(results).extracting(AuditEvent::resultCount).containsExactly(2L);
        assertThat(results.get(0).outcome()).isEqualTo(AuditEvent.Outcome.ALLOWED);
        assertThat(results.get(0).query()).contains("grant=" + grant.id());
        assertThat(log.verify().intact()).isTrue();
    }

    private void assertRefusedBeforeFlock(Session s, ExternalSearch search, Rule rule) {
        int before = events("EXTERNAL_SEARCH").size();
        assertThatThrownBy(() -> lookup(s, search)).isInstanceOf(PolicyDeniedException.class)
                .satisfies(e -> assertThat(((PolicyDeniedException) e).rule()).isEqualTo(rule));
        assertThat(flock.count("POST /reads/lookup")).isZero();
        assertThat(flock.requests).isEmpty();
        List<AuditEvent> after = events("EXTERNAL_SEARCH");
        assertThat(after).hasSize(before + 1);
        assertThat(after.get(after.size() - 1).outcome()).isEqualTo(AuditEvent.Outcome.DENIED);
        assertThat(after.get(after.size() - 1).rule()).isEqualTo(rule.name());
        assertThat(events("EXTERNAL_SEARCH_RESULT")).isEmpty();
    }

    @Test
    void lookup_withoutReference_isRefusedBeforeFlock_andAuditedAsDenied() {
        flock.reads.add(read("r1", "ABC1234", "missouri", "2026-04-02T10:00:00Z", 37.2, -93.3));
        assertRefusedBeforeFlock(detective, flockSearch("ABC1234", PurposeStatement.withoutReference(Purpose.STOLEN_VEHICLE,
                "stolen silver Silverado")), Rule.REFERENCE);
        assertRefusedBeforeFlock(detective, flockSearch("ABC1234", PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION,
                Reference.documentedActivity("investigation"), "investigation")), Rule.REFERENCE);
    }

    @Test
    void lookup_withProhibitedPurpose_isRefusedBeforeFlock_andAuditedAsDenied() {
        assertRefusedBeforeFlock(detective, flockSearch("ABC1234", PurposeStatement.of(Purpose.SPEED_ENFORCEMENT, Reference.caseReport("24-1"),
                "speed check on Highway 13")), Rule.PROHIBITED_PURPOSE);
        assertRefusedBeforeFlock(detective, flockSearch("ABC1234", PurposeStatement.of(Purpose.PERSONAL, Reference.caseReport("24-1"),
                "where my ex parks these days")), Rule.PROHIBITED_PURPOSE);
    }

    @Test
    void lookup_byUntrainedUser_isRefusedBeforeFlock_andAuditedAsDenied() {
        Session untrained = add("ofc.new", Role.OFFICER, false);
        assertRefusedBeforeFlock(untrained, flockSearch("ABC1234", stolen()), Rule.CURRENT_TRAINING);
    }

    @Test
    void lookup_withProtectedCharacteristicReason_isRefusedBeforeFlock_andAuditedAsDenied() {
        assertRefusedBeforeFlock(detective, flockSearch("ABC1234", PurposeStatement.of(Purpose.CRIMINAL_INVESTIGATION, Reference.caseReport("24-1"),
                "everyone who attended the mosque on friday")), Rule.PROTECTED_CHARACTERISTICS);
    }

    @Test
    void lookup_centredOnASensitivePlace_waitsForASupervisor_thenRunsOnce() {
        ExternalSearch near = ExternalSearch.of(FlockReadLookup.SYSTEM, SearchRequest.of(
                query("ABC1234", Optional.of(new ReadQuery.Radius(new GeoPoint(38.9985, -93.9545), 300)), 50), stolen()));
        ApprovalRequiredException held = (ApprovalRequiredException) org.assertj.core.api.Assertions.catchThrowable(() -> lookup(detective, near));
        assertThat(held.rule()).isEqualTo(Rule.SENSITIVE_PLACE);
        assertThat(flock.requests).isEmpty();

        policy.approve(sergeant, held.approvalId());
        ExternalSearchGrant grant = policy.authorizeExternalSearch(detective, near.withApproval(held.approvalId()));
        lookups.lookup(grant);

        assertThat(flock.count("POST /reads/lookup")).isEqualTo(1);
        assertThat(grant.approvedBy()).contains("sgt.park");
        assertThat(events("EXTERNAL_SEARCH")).last().satisfies(e -> assertThat(e.rule()).contains("SENSITIVE_PLACE"));
        assertThatThrownBy(() -> policy.authorizeExternalSearch(detective, near.withApproval(held.approvalId())))
                .isInstanceOf(PolicyDeniedException.class).hasMessageContaining("already used");
    }

    @Test
    void grant_runsOneLookup_forFlockOnly_beforeItExpires() {
        ExternalSearchGrant grant = policy.authorizeExternalSearch(detective, flockSearch("ABC1234", stolen()));
        lookups.lookup(grant);
        assertThatThrownBy(() -> lookups.lookup(grant)).isInstanceOf(PolicyDeniedException.class).hasMessageContaining("already used");

        ExternalSearchGrant other = policy.authorizeExternalSearch(detective, ExternalSearch.of("Vigilant LEARN",
                SearchRequest.of(query("ABC1234", Optional.empty(), 50), stolen())));
        assertThatThrownBy(() -> lookups.lookup(other)).isInstanceOf(PolicyDeniedException.class).hasMessageContaining("Vigilant LEARN");

        ExternalSearchGrant late = policy.authorizeExternalSearch(detective, flockSearch("ABC1234", stolen()));
        clock.advance(Duration.ofMinutes(16));
        assertThatThrownBy(() -> lookups.lookup(late)).isInstanceOf(PolicyDeniedException.class).hasMessageContaining("expired");

        assertThat(flock.count("POST /reads/lookup")).isEqualTo(1);
        assertThat(events("EXTERNAL_SEARCH")).filteredOn(e -> e.outcome() == AuditEvent.Outcome.DENIED).hasSize(3)
                .allMatch(e -> e.rule().equals("AUDIT_LOGGED"));
    }

    @Test
    void nextPage_continuesAGrantedLookup_auditingEachPage_andAForgedPageIsRefused() {
        for (int i = 0; i < 5; i++) {
            flock.reads.add(read("r" + i, "ABC1234", "missouri", "2026-04-02T10:00:0" + i + "Z", 37.2, -93.3));
        }
        LookupResult p1 = lookup(detective, ExternalSearch.of(FlockReadLookup.SYSTEM, SearchRequest.of(query("ABC1234", Optional.empty(), 2), stolen())));
        LookupResult p2 = lookups.nextPage(p1);
        LookupResult p3 = lookups.nextPage(p2);

        assertThat(List.of(p1, p2, p3)).flatExtracting(LookupResult::reads).extracting(PlateRead::id)
                .containsExactly("r0", "r1", "r2", "r3", "r4");
        assertThat(p3.nextPageId()).isEmpty();
        assertThat(flock.count("GET /reads/lookup/page/" + p1.nextPageId().orElseThrow())).isEqualTo(1);
        assertThat(events("EXTERNAL_SEARCH_RESULT")).extracting(AuditEvent::resultCount).containsExactly(2L, 2L, 1L);

        LookupResult forged = new LookupResult(List.of(), 5, Optional.of("0_50_ZZZ999"), List.of());
        assertThatThrownBy(() -> lookups.nextPage(forged)).isInstanceOf(PolicyViolationException.class).hasMessageContaining("0_50_ZZZ999");
        assertThatThrownBy(() -> lookups.nextPage(p1)).isInstanceOf(PolicyViolationException.class);
        assertThat(flock.count("GET /reads/lookup/page/0_50_ZZZ999")).isZero();
    }

    @Test
    void boxArea_becomesAClosedGeoJsonPolygon_andSmallCirclesAreFilteredHere() {
        flock.reads.add(read("near", "ABC1234", "missouri", "2026-04-02T10:00:00Z", 37.2000, -93.3000));
        flock.reads.add(read("far", "ABC1234", "missouri", "2026-04-02T10:00:00Z", 37.2080, -93.3000)); // ~890 m north

        lookup(detective, ExternalSearch.of(FlockReadLookup.SYSTEM, SearchRequest.of(
                query("ABC1234", Optional.of(new ReadQuery.Box(new GeoPoint(37.0, -93.5), new GeoPoint(37.5, -93.0))), 50), stolen())));
        JsonNode area = flock.bodies.get(flock.bodies.size() - 1).path("area").path("area");
        LookupResult small = lookup(detective, ExternalSearch.of(FlockReadLookup.SYSTEM, SearchRequest.of(
                query("ABC1234", Optional.of(new ReadQuery.Radius(new GeoPoint(37.2, -93.3), 500)), 50), stolen())));

        assertThat(area.path("type").asText()).isEqualTo("Polygon");
        assertThat(area.path("coordinates")).hasSize(1);
        assertThat(area.path("coordinates").get(0)).hasSize(5);
        assertThat(area.path("coordinates").get(0).get(0).toString()).isEqualTo("[-93.5,37.0]");
        assertThat(area.path("coordinates").get(0).get(4)).isEqualTo(area.path("coordinates").get(0).get(0));
        assertThat(flock.bodies.get(flock.bodies.size() - 1).path("radius").path("radius").path("radius").asDouble()).isEqualTo(1.0);
        assertThat(small.reads()).extracting(PlateRead::id).containsExactly("near");
        assertThat(events("EXTERNAL_SEARCH_RESULT")).extracting(AuditEvent::resultCount).containsExactly(2L, 1L);
    }

    @Test
    void flockRefusal_isAuditedAsFailed_andNamesEndpointAndStatus() {
        flock.failNext("POST /reads/lookup", new FlockServer.Fault(422, "{\"error\":\"endDate is too far in the past\"}",
                Optional.empty(), 0, false, false));

        assertThatThrownBy(() -> lookup(detective, flockSearch("ABC1234", stolen())))
                .isInstanceOf(FlockApiException.class).hasMessageContaining("POST /reads/lookup").hasMessageContaining("422")
                .hasMessageContaining("endDate is too far in the past");
        List<AuditEvent> results = events("EXTERNAL_SEARCH_RESULT");
        assertThat(results).hasSize(1);
        assertThat(results.get(0).outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
        assertThat(results.get(0).query()).contains("422");
    }

    @Test
    void grantForASearchFlockCannotRun_isReportedAsFailed_andNothingIsSent() {
        ReadQuery partial = new ReadQuery(Optional.of(PlatePattern.of("ABC12*")), true, FROM, TO, Set.of(), Set.of(), Optional.empty(), 50, 0);
        ExternalSearchGrant grant = policy.authorizeExternalSearch(detective, ExternalSearch.of(FlockReadLookup.SYSTEM, SearchRequest.of(partial, stolen())));

        assertThatThrownBy(() -> lookups.lookup(grant)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("partial").hasMessageContaining("OCR-tolerant");
        assertThat(flock.requests).isEmpty();
        assertThat(events("EXTERNAL_SEARCH_RESULT")).singleElement().satisfies(e -> {
            assertThat(e.outcome()).isEqualTo(AuditEvent.Outcome.FAILED);
            assertThat(e.query()).contains("partial");
        });
    }

    @Test
    void grantOfAnotherAgencysPolicy_isRefused_forThisFlockOrganization() {
        FlockReadLookup otherAgency = FlockReadLookup.of(client, "KS0460000");
        ExternalSearchGrant grant = policy.authorizeExternalSearch(detective, flockSearch("ABC1234", stolen()));

        assertThatThrownBy(() -> otherAgency.lookup(grant)).isInstanceOf(PolicyViolationException.class).hasMessageContaining("KS0460000");
        assertThat(flock.requests).isEmpty();
    }

    @Test
    void publicApi_hasNoWayToLookUpReadsWithoutAPolicyGrant() {
        assertThat(ExternalSearchGrant.class.getConstructors()).isEmpty();
        assertThat(Modifier.isFinal(ExternalSearchGrant.class.getModifiers())).isTrue();
        assertThat(FlockReadLookup.class.getConstructors()).isEmpty();
        for (Method m : FlockReadLookup.class.getMethods()) {
            if (m.getName().equals("lookup")) {
                assertThat(m.getParameterTypes()[0]).as(m.toString()).isEqualTo(ExternalSearchGrant.class);
            }
        }
        // nothing public in this package hands out the HTTP layer or builds a lookup request
        for (Class<?> c : List.of(FlockClient.class, FlockReadLookup.class, FlockHotListSource.class, FlockAlertReceiver.class)) {
            for (Method m : c.getMethods()) {
                assertThat(m.getReturnType()).as(c.getSimpleName() + "." + m.getName()).isNotEqualTo(FlockHttp.class);
            }
        }
        assertThat(Modifier.isPublic(ReadLookupRequest.class.getModifiers())).isFalse();
        assertThat(Modifier.isPublic(FlockHttp.class.getModifiers())).isFalse();
        assertThat(Arrays.stream(ReadLookupRequest.class.getDeclaredConstructors()).map(Constructor::getModifiers)).noneMatch(Modifier::isPublic);
        assertThatThrownBy(() -> lookups.lookup(null)).hasMessageContaining("LprPolicy.authorizeExternalSearch");
    }
}
