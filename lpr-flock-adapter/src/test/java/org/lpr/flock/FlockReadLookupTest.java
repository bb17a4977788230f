package org.lpr.flock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lpr.core.PolicyViolationException;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlateRead;
import org.lpr.core.spi.ReadQuery;

class FlockReadLookupTest {
    private static final Instant FROM = Instant.parse("2026-04-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-04-08T00:00:00Z");

    private final ObjectMapper json = new ObjectMapper();
    private final List<String> audit = new CopyOnWriteArrayList<>();
    private FlockServer flock;
    private FlockClient client;

    /** A policy that approves lookups with a case number and refuses the rest, keeping an audit trail. */
    private final LookupAuthorizer policy = request -> {
        if (request.caseNumber().isEmpty()) {
            audit.add("DENIED " + request.plate());
            throw new PolicyViolationException("[PURPOSE_REFERENCE] a lookup needs a case number");
        }
        audit.add("ALLOWED " + request.plate() + " " + request.caseNumber().get());
        return new LookupAuthorizer.LookupGrant() {
            @Override
            public String approvedFor() {
                return "det.smith";
            }

            @Override
            public void completed(int reads) {
                audit.add("RESULT " + reads);
            }

            @Override
            public void failed(String reason) {
                audit.add("FAILED " + reason);
            }
        };
    };

    @BeforeEach
    void start() throws IOException {
        flock = new FlockServer();
        client = flock.client().build();
    }

    @AfterEach
    void stop() {
        flock.close();
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
    void lookup_runsAfterApproval_sendsTheDocumentedRequest_andMapsReads() {
        flock.reads.add(read("r1", "ABC1234", "missouri", "2026-04-02T10:00:00.123456Z", 37.21, -93.29));
        flock.reads.add(read("r2", "ABC1234", null, "2026-04-03T11:00:00Z", 37.30, -93.30));
        flock.reads.add(read("r3", "ZZZ999", "kansas", "2026-04-03T11:00:00Z", 37.30, -93.30));
        FlockReadLookup lookups = FlockReadLookup.of(client, policy, "MO0920200");

        LookupResult result = lookups.lookup(ReadLookupRequest.of("abc 1234", FROM, TO, "Stolen vehicle, case 24-1234", "24-1234")
                .inState(Jurisdiction.MO).within(new ReadQuery.Radius(new GeoPoint(37.25, -93.3), 16_093.44)));

        assertThat(result.reads()).extracting(PlateRead::id).containsExactly("r1", "r2");
        PlateRead r1 = result.reads().get(0);
        assertThat(r1.plate().text()).isEqualTo("ABC1234");
        assertThat(r1.plate().jurisdiction()).isEqualTo(Jurisdiction.MO);
        assertThat(r1.confidence()).isEqualTo(0.91);
        assertThat(r1.jurisdictionConfidence()).isEqualTo(0.7);
        assertThat(r1.capturedAt()).isEqualTo(Instant.parse("2026-04-02T10:00:00.123456Z"));
        assertThat(r1.camera().id()).isEqualTo("dev-r1");
        assertThat(r1.camera().agencyOri()).isEqualTo("MO0920200");
        assertThat(r1.location()).contains(new GeoPoint(37.21, -93.29));
        assertThat(result.reads().get(1).plate().jurisdiction()).isEqualTo(Jurisdiction.UNKNOWN);
        assertThat(result.totalItems()).isEqualTo(2);
        assertThat(audit).containsExactly("ALLOWED ABC1234 24-1234", "RESULT 2");

        JsonNode body = flock.bodies.get(flock.bodies.size() - 1);
        assertThat(body.path("plate").asText()).isEqualTo("ABC1234");
        assertThat(body.path("reason").asText()).isEqualTo("Stolen vehicle, case 24-1234");
        assertThat(body.path("caseNumber").asText()).isEqualTo("24-1234");
        assertThat(body.path("startDate").asText()).isEqualTo("2026-04-01T00:00:00Z");
        assertThat(body.path("endDate").asText()).isEqualTo("2026-04-08T00:00:00Z");
        assertThat(body.path("state").asText()).isEqualTo("missouri");
        assertThat(body.path("limit").asInt()).isEqualTo(50);
        assertThat(body.path("sort").get(0).path("field").asText()).isEqualTo("capturedAt");
        assertThat(body.path("radius").path("radius").path("radius").asDouble()).isEqualTo(10.0);
        assertThat(body.path("radius").path("radius").path("latitude").asDouble()).isEqualTo(37.25);
        assertThat(body.has("area")).isFalse();
    }

    @Test
    void lookup_refusedByThePolicy_neverReachesFlock() {
        FlockReadLookup lookups = FlockReadLookup.of(client, policy, "MO0920200");
        ReadLookupRequest noCase = new ReadLookupRequest("ABC1234", Optional.empty(), FROM, TO, "just curious about it",
                Optional.empty(), Optional.empty(), 50);

        assertThatThrownBy(() -> lookups.lookup(noCase)).isInstanceOf(PolicyViolationException.class).hasMessageContaining("case number");

        assertThat(flock.requests).isEmpty();
        assertThat(audit).containsExactly("DENIED ABC1234");
    }

    @Test
    void nextPage_continuesAnApprovedLookup_andAForgedPageIsRefused() {
        for (int i = 0; i < 5; i++) {
            flock.reads.add(read("r" + i, "ABC1234", "missouri", "2026-04-02T10:00:0" + i + "Z", 37.2, -93.3));
        }
        FlockReadLookup lookups = FlockReadLookup.of(client, policy, "MO0920200");
        ReadLookupRequest request = new ReadLookupRequest("ABC1234", Optional.empty(), FROM, TO, "Case 24-1234 stolen",
                Optional.of("24-1234"), Optional.empty(), 2);

        LookupResult p1 = lookups.lookup(request);
        LookupResult p2 = lookups.nextPage(p1);
        LookupResult p3 = lookups.nextPage(p2);

        assertThat(List.of(p1, p2, p3)).flatExtracting(LookupResult::reads).extracting(PlateRead::id)
                .containsExactly("r0", "r1", "r2", "r3", "r4");
        assertThat(p3.nextPageId()).isEmpty();
        assertThat(flock.count("GET /reads/lookup/page/" + p1.nextPageId().orElseThrow())).isEqualTo(1);
        assertThat(audit).containsExactly("ALLOWED ABC1234 24-1234", "RESULT 2", "RESULT 2", "RESULT 1");

        LookupResult forged = new LookupResult(List.of(), 5, Optional.of("0_50_ZZZ999"), List.of());
        assertThatThrownBy(() -> lookups.nextPage(forged)).isInstanceOf(PolicyViolationException.class).hasMessageContaining("0_50_ZZZ999");
        assertThatThrownBy(() -> lookups.nextPage(p1)).isInstanceOf(PolicyViolationException.class);
    }

    @Test
    void boxArea_becomesAClosedGeoJsonPolygon_andSmallCirclesAreFilteredHere() {
        flock.reads.add(read("near", "ABC1234", "missouri", "2026-04-02T10:00:00Z", 37.2000, -93.3000));
        flock.reads.add(read("far", "ABC1234", "missouri", "2026-04-02T10:00:00Z", 37.2080, -93.3000)); // ~890 m north
        FlockReadLookup lookups = FlockReadLookup.of(client, policy, "MO0920200");
        ReadLookupRequest base = ReadLookupRequest.of("ABC1234", FROM, TO, "Case 24-1234 stolen", "24-1234");

        lookups.lookup(base.within(new ReadQuery.Box(new GeoPoint(37.0, -93.5), new GeoPoint(37.5, -93.0))));
        JsonNode area = flock.bodies.get(flock.bodies.size() - 1).path("area").path("area");
        LookupResult small = lookups.lookup(base.within(new ReadQuery.Radius(new GeoPoint(37.2, -93.3), 500)));

        assertThat(area.path("type").asText()).isEqualTo("Polygon");
        assertThat(area.path("coordinates")).hasSize(1);
        assertThat(area.path("coordinates").get(0)).hasSize(5);
        assertThat(area.path("coordinates").get(0).get(0).toString()).isEqualTo("[-93.5,37.0]");
        assertThat(area.path("coordinates").get(0).get(4)).isEqualTo(area.path("coordinates").get(0).get(0));
        assertThat(flock.bodies.get(flock.bodies.size() - 1).path("radius").path("radius").path("radius").asDouble()).isEqualTo(1.0);
        assertThat(small.reads()).extracting(PlateRead::id).containsExactly("near");
    }

    @Test
    void flockRefusal_isReportedToTheGrant_andNamesEndpointAndStatus() {
        flock.failNext("POST /reads/lookup", new FlockServer.Fault(422, "{\"error\":\"endDate is too far in the past\"}",
                Optional.empty(), 0, false, false));
        FlockReadLookup lookups = FlockReadLookup.of(client, policy, "MO0920200");

        assertThatThrownBy(() -> lookups.lookup(ReadLookupRequest.of("ABC1234", FROM, TO, "Case 24-1234 stolen", "24-1234")))
                .isInstanceOf(FlockApiException.class).hasMessageContaining("POST /reads/lookup").hasMessageContaining("422")
                .hasMessageContaining("endDate is too far in the past");
        assertThat(audit).hasSize(2).last().asString().startsWith("FAILED").contains("422");
    }

    @Test
    void request_fromAPolicyPurposeStatement_carriesPurposeAsReasonAndReferenceAsCaseNumber() {
        ReadLookupRequest r = ReadLookupRequest.of("ABC1234", FROM, TO, org.lpr.policy.purpose.PurposeStatement.of(
                org.lpr.policy.purpose.Purpose.STOLEN_VEHICLE, org.lpr.policy.purpose.Reference.caseReport("24-001234"),
                "red pickup taken from Main St dealer"));

        assertThat(r.reason()).isEqualTo("locating stolen vehicles: red pickup taken from Main St dealer");
        assertThat(r.caseNumber()).contains("24-001234");
    }

    @Test
    void request_reportsEveryProblemAtOnce_andLookupNeedsAnAuthorizer() {
        assertThatThrownBy(() -> new ReadLookupRequest("7XK*4", Optional.of(Jurisdiction.ON), TO, FROM, "x", Optional.of(" "),
                Optional.of(new ReadQuery.Radius(new GeoPoint(0, 0), 400_000)), 60))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'*'").hasMessageContaining("state ON").hasMessageContaining("time range")
                .hasMessageContaining("reason").hasMessageContaining("case number is blank").hasMessageContaining("page size 60");
        assertThatThrownBy(() -> FlockReadLookup.of(client, null, "MO0920200")).hasMessageContaining("policy");
    }
}
