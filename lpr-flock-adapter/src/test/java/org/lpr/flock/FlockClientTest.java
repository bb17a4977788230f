package org.lpr.flock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.PlatePattern;
import org.lpr.core.testing.MutableClock;

class FlockClientTest {
    private FlockServer flock;

    @BeforeEach
    void start() throws IOException {
        flock = new FlockServer();
    }

    @AfterEach
    void stop() {
        flock.close();
    }

    private static HotListEntry entry(String id, String plate, Jurisdiction j, String reference) {
        return HotListEntry.of(id, plate, j, ListType.CUSTOM, "Burglary suspect vehicle", reference);
    }

    private static List<HotListEntry> entries(int n) {
        return IntStream.range(0, n).mapToObj(i -> entry("e" + i, "P" + i, Jurisdiction.MO, "24-" + i)).toList();
    }

    @Test
    void token_isFetchedOnce_cachedAcrossCalls_andSentAsBearer() {
        FlockClient client = flock.client().build();

        client.hotLists();
        client.hotLists();
        client.hotLists();

        assertThat(flock.count("POST /oauth/token")).isEqualTo(1);
        assertThat(flock.authorizations).hasSize(3).allSatisfy(a -> assertThat(a).startsWith("Bearer tok-1-"));
    }

    @Test
    void token_nearExpiry_isFetchedAgain() {
        MutableClock clock = new MutableClock(Instant.parse("2026-01-01T00:00:00Z"));
        flock.tokenLifetimeSeconds = 600;
        FlockClient client = flock.client().clock(clock).build();

        client.hotLists();
        clock.advance(Duration.ofSeconds(500));
        client.hotLists();
        clock.advance(Duration.ofSeconds(80)); // 580 s: inside the renewal margin of a 600 s token
        client.hotLists();

        assertThat(flock.count("POST /oauth/token")).isEqualTo(2);
        assertThat(client.tokensFetched()).isEqualTo(2);
    }

    @Test
    void token_revokedByTheServer_isReplacedOnce_andTheCallSucceeds() {
        FlockClient client = flock.client().build();
        client.hotLists();

        flock.revokeTokens();
        client.hotLists();

        assertThat(flock.count("POST /oauth/token")).isEqualTo(2);
        assertThat(flock.count("GET /hotlists")).isEqualTo(3);
    }

    @Test
    void wrongSecret_failsNamingTheTokenEndpoint_withoutShowingTheSecret() {
        FlockClient client = flock.client().clientSecret("wrong-secret-xyz").build();

        assertThatThrownBy(client::hotLists).isInstanceOf(FlockApiException.class)
                .hasMessageContaining("POST /oauth/token").hasMessageContaining("401").hasMessageContaining("sdk-client")
                .hasMessageNotContaining("wrong-secret-xyz")
                .satisfies(e -> assertThat(((FlockApiException) e).status()).isEqualTo(401));
        assertThat(flock.count("POST /oauth/token")).isEqualTo(1);
    }

    @Test
    void createHotList_sendsDocumentedFields_andMapsStates() {
        FlockClient client = flock.client().build();
        HotListEntry withExpiry = entry("e1", "ABC 123", Jurisdiction.NY, "24-001").withExpiry(Instant.parse("2026-03-01T00:00:00Z"));
        HotListEntry noReference = entry("e2", "XYZ9", Jurisdiction.DC, "");
        HotListEntry canadian = entry("e3", "QWE5", Jurisdiction.ON, "24-3");

        FlockHotList created = client.createHotList("Series 24", List.of(withExpiry, noReference, canadian));

        assertThat(flock.listNames).containsEntry(created.id(), "Series 24");
        List<ObjectNode> held = flock.listEntries.get(created.id());
        assertThat(held).hasSize(3);
        assertThat(held.get(0).path("plate").asText()).isEqualTo("ABC123");
        assertThat(held.get(0).path("state").asText()).isEqualTo("new_york");
        assertThat(held.get(0).path("caseNumber").asText()).isEqualTo("24-001");
        assertThat(held.get(0).path("reason").asText()).isEqualTo("Burglary suspect vehicle");
        assertThat(held.get(0).path("expiry").asText()).isEqualTo("2026-03-01T00:00:00Z");
        assertThat(held.get(1).path("state").asText()).isEqualTo("washington_dc");
        assertThat(held.get(1).path("caseNumber").asText()).isEqualTo("e2");
        assertThat(held.get(2).has("state")).isFalse();
    }

    @Test
    void createHotList_ofMoreThan3000Entries_sendsAtMost3000PerRequest() {
        FlockClient client = flock.client().build();

        FlockHotList created = client.createHotList("Big", entries(7_001));

        assertThat(flock.listEntries.get(created.id())).hasSize(7_001);
        assertThat(flock.count("POST /hotlists")).isEqualTo(1);
        assertThat(flock.count("POST /hotlists/" + created.id() + "/entries/addBatch")).isEqualTo(2);
        assertThat(flock.bodies).allSatisfy(b -> assertThat(b.path("entries").size()).isLessThanOrEqualTo(FlockClient.MAX_BATCH));
    }

    @Test
    void push_batchTooLarge413_isSplitAndRetried_untilEveryEntryIsIn() {
        FlockClient client = flock.client().build();
        String id = flock.addList("Custom", List.of());
        flock.maxEntriesPerRequest = 700; // the organization's limit is below 3,000

        PushResult r = client.push(id, entries(2_500));

        assertThat(flock.listEntries.get(id)).hasSize(2_500);
        assertThat(r.sent()).isEqualTo(2_500);
        assertThat(r.created()).isEqualTo(2_500);
        // 2,500 = one batch of 2,500 (413) -> 1,250 (413) x2 -> 625 (ok) x4
        assertThat(r.batches()).isEqualTo(7);
    }

    @Test
    void push_isIdempotent_dropsDuplicatesAndPartialPlates() {
        FlockClient client = flock.client().build();
        String id = flock.addList("Custom", List.of());
        List<HotListEntry> list = new ArrayList<>(entries(10));
        list.add(entry("dup", "P1", Jurisdiction.MO, "x"));          // same plate and state as e1
        list.add(entry("dupO", "PO", Jurisdiction.MO, "x"));         // Flock reads O as 0: same as e0
        list.add(new HotListEntry("partial", PlatePattern.of("7XK*4"), Jurisdiction.MO, ListType.CUSTOM, 4, "witness", "24-9",
                Optional.empty(), Map.of()));

        PushResult first = client.push(id, list);
        PushResult again = client.push(id, list);

        assertThat(first.sent()).isEqualTo(10);
        assertThat(first.created()).isEqualTo(10);
        assertThat(first.skipped()).hasSize(3).anySatisfy(s -> assertThat(s).contains("dup ").contains("repeats"))
                .anySatisfy(s -> assertThat(s).contains("dupO").contains("repeats"))
                .anySatisfy(s -> assertThat(s).contains("partial"));
        assertThat(again.created()).isZero();
        assertThat(flock.listEntries.get(id)).hasSize(10);
    }

    @Test
    void create_thatTookEffectBeforeA500_isNotRepeated() {
        FlockClient client = flock.client().build();
        flock.failNext("POST /hotlists", FlockServer.Fault.afterProcessing(502));

        FlockHotList created = client.createHotList("Once", entries(3));

        assertThat(flock.listNames).hasSize(1).containsEntry(created.id(), "Once");
        assertThat(flock.count("POST /hotlists")).isEqualTo(1);
    }

    @Test
    void serverErrors_areRetriedWithBackoff_thenSucceed() {
        FlockClient client = flock.client().build();
        flock.addList("A", List.of());
        flock.failNext("GET /hotlists", FlockServer.Fault.status(500));
        flock.failNext("GET /hotlists", FlockServer.Fault.status(503));

        assertThat(client.hotLists()).extracting(FlockHotList::name).containsExactly("A");
        assertThat(flock.count("GET /hotlists")).isEqualTo(3);
    }

    @Test
    void tooManyRequests_waitsForRetryAfter_andAnOverlongRetryAfterFailsAtOnce() {
        FlockClient client = flock.client().build();
        flock.failNext("GET /hotlists", FlockServer.Fault.tooMany("0"));
        assertThat(client.hotLists()).isEmpty();
        assertThat(flock.count("GET /hotlists")).isEqualTo(2);

        flock.failNext("GET /hotlists", FlockServer.Fault.tooMany("3600"));
        assertThatThrownBy(client::hotLists).isInstanceOf(FlockApiException.class)
                .hasMessageContaining("GET /hotlists").hasMessageContaining("429").hasMessageContaining("3600 s")
                .hasMessageContaining("Throttled");
        assertThat(flock.count("GET /hotlists")).isEqualTo(3);
    }

    @Test
    void retryAfterAsHttpDate_isHonoured() {
        FlockClient client = flock.client().build();
        flock.failNext("GET /hotlists", FlockServer.Fault.tooMany("Thu, 01 Jan 1970 00:00:00 GMT"));

        assertThat(client.hotLists()).isEmpty();
        assertThat(flock.count("GET /hotlists")).isEqualTo(2);
    }

    @Test
    void slowAnswer_timesOut_andIsRetried() {
        FlockClient client = flock.client().requestTimeout(Duration.ofMillis(300)).build();
        String id = flock.addList("A", List.of());
        flock.failNext("GET /hotlists/" + id, FlockServer.Fault.slow(2_000));

        assertThat(client.hotList(id)).get().extracting(FlockHotList::name).isEqualTo("A");
        assertThat(flock.count("GET /hotlists/" + id)).isEqualTo(2);
    }

    @Test
    void truncatedBody_isRetried() {
        FlockClient client = flock.client().build();
        String id = flock.addList("A", List.of(flock.entry("ABC123", "missouri", "stolen", "1")));
        flock.failNext("GET /hotlists/" + id + "/entries", FlockServer.Fault.truncated());

        EntryPage page = client.entries(id, Optional.empty(), 100);

        assertThat(page.entries()).extracting(FlockHotListEntry::plate).containsExactly("ABC123");
        assertThat(flock.count("GET /hotlists/" + id + "/entries")).isEqualTo(2);
    }

    @Test
    void persistentFailure_namesEndpointStatusAndAttempts() {
        FlockClient client = flock.client().build();
        for (int i = 0; i < 4; i++) {
            flock.failNext("GET /hotlists", FlockServer.Fault.status(503));
        }

        assertThatThrownBy(client::hotLists).isInstanceOf(FlockApiException.class)
                .hasMessageContaining("GET /hotlists").hasMessageContaining("HTTP 503").hasMessageContaining("injected 503")
                .hasMessageContaining("gave up after 4 attempts");
    }

    @Test
    void clientErrors_areNotRetried() {
        FlockClient client = flock.client().build();

        assertThatThrownBy(() -> client.entries("no-such-list", Optional.empty(), 10)).isInstanceOf(FlockApiException.class)
                .hasMessageContaining("GET /hotlists/no-such-list/entries").hasMessageContaining("404");
        assertThat(flock.count("GET /hotlists/no-such-list/entries")).isEqualTo(1);
        assertThat(client.hotList("no-such-list")).isEmpty();
    }

    @Test
    void updateDeleteAndDeleteEntries_changeTheListOnTheServer() {
        FlockClient client = flock.client().build();
        String id = flock.addList("Old", List.of(flock.entry("AAA111", "kansas", "r", "1")));

        client.updateHotList(id, "New", entries(4));
        assertThat(flock.listNames).containsEntry(id, "New");
        assertThat(flock.listEntries.get(id)).hasSize(4);

        String firstId = flock.listEntries.get(id).get(0).path("id").asText();
        client.deleteEntries(id, List.of(firstId, "unknown-id"));
        assertThat(flock.listEntries.get(id)).hasSize(3);

        client.deleteHotList(id);
        client.deleteHotList(id); // already gone: still fine
        assertThat(flock.listNames).isEmpty();
    }

    @Test
    void forEachEntry_pagesThroughTheWholeList() {
        FlockClient client = flock.client().build();
        FlockHotList list = client.createHotList("Paged", entries(6_500));
        List<FlockHotListEntry> all = new ArrayList<>();

        client.forEachEntry(list.id(), all::add);

        assertThat(all).hasSize(6_500);
        assertThat(all).extracting(e -> e.id().orElseThrow()).doesNotHaveDuplicates();
        assertThat(flock.count("GET /hotlists/" + list.id() + "/entries")).isEqualTo(3);
    }

    @Test
    void secrets_neverAppearInToString_andBuilderReportsEveryProblem() {
        FlockClient client = flock.client().build();
        assertThat(client.toString()).doesNotContain(FlockServer.CLIENT_SECRET).contains("****");
        assertThat(flock.client().toString()).doesNotContain(FlockServer.CLIENT_SECRET);

        assertThatThrownBy(() -> FlockClient.builder().clientSecret("s3cr3t-value").apiBase(URI.create("http://flock.example/api/v3"))
                .maxBatch(5000).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("clientId is missing").hasMessageContaining("plain http")
                .hasMessageContaining("maxBatch 5000").hasMessageNotContaining("s3cr3t-value");
    }

    @Test
    void requests_carryJsonBodies_asTheOpenApiDescribes() {
        FlockClient client = flock.client().build();
        String id = flock.addList("A", List.of());

        client.push(id, List.of(entry("e1", "abc-123", Jurisdiction.TX, "24-7")));

        JsonNode body = flock.bodies.get(flock.bodies.size() - 1);
        assertThat(body.path("entries").get(0).fieldNames()).toIterable().containsExactlyInAnyOrder("plate", "reason", "caseNumber", "state");
        assertThat(body.path("entries").get(0).path("state").asText()).isEqualTo("texas");
    }
}
