package org.lpr.flock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.lpr.core.hotlist.Alert;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.hotlist.MatchKind;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.testing.MutableClock;

class FlockAlertReceiverTest {
    static final String OBJECT_ID = "4171ae2b-843f-405b-922d-b1e89921f24f";
    static final String DEVICE_ID = "72d97364-3f45-4e16-ae52-631aea3141cc";

    /** An alert body with every field of the AsyncAPI's LprHotlistAlert. */
    static String alertJson(String objectId) {
        return """
                {"deviceLat": 31.8457, "deviceLong": -102.3676, "deviceName": "Grandview & 42nd NB",
                 "deviceExternalId": "%s", "networkName": "Odessa TX PD",
                 "networkExternalId": "0f0e8a3c-5b4f-4c3e-9d61-2f0b7c1a9e55", "objectId": "%s",
                 "eventTime": "2026-05-01T14:03:22.123Z", "imageUrl": "https://s3.example/img/1.jpg?X-Amz-Signature=abc",
                 "imageExpiration": "2026-05-01T15:03:22Z", "detailsUrl": "https://share.flocksafety.com/alert/1",
                 "ocr": {"label": "ABC1234", "labelConfidence": 0.93, "state": "texas", "stateConfidence": 0.81},
                 "sources": [
                   {"name": "NCIC", "reason": "Stolen Vehicle", "caseNumber": "24-000123"},
                   {"name": "Burglary series", "reason": "Suspect vehicle", "caseNumber": null, "customHotlistAudience": "organization"}
                 ]}
                """.formatted(DEVICE_ID, objectId);
    }

    private final HttpClient http = HttpClient.newHttpClient();
    private final List<FlockAlert> received = new CopyOnWriteArrayList<>();
    private FlockAlertReceiver receiver;

    @AfterEach
    void stop() {
        if (receiver != null) {
            receiver.close();
        }
    }

    private FlockAlertReceiver start(WebhookAuth auth) {
        receiver = FlockAlertReceiver.builder().authentication(auth).listener(received::add).build().start();
        return receiver;
    }

    private HttpResponse<String> post(String body, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(receiver.uri()).POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            b.headers(headers);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void apiKey_right_acceptsAndParsesEveryField() throws Exception {
        start(WebhookAuth.apiKey("x-api-key", "k3y-value"));

        HttpResponse<String> r = post(alertJson(OBJECT_ID), "x-api-key", "k3y-value", "Content-Type", "application/json");

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("accepted");
        FlockAlert a = received.get(0);
        assertThat(a.objectId()).isEqualTo(OBJECT_ID);
        assertThat(a.eventTime()).isEqualTo(Instant.parse("2026-05-01T14:03:22.123Z"));
        assertThat(a.deviceExternalId()).isEqualTo(DEVICE_ID);
        assertThat(a.deviceName()).contains("Grandview & 42nd NB");
        assertThat(a.location()).get().satisfies(p -> assertThat(p.latitude()).isEqualTo(31.8457));
        assertThat(a.plate()).contains("ABC1234");
        assertThat(a.plateConfidence()).contains(0.93);
        assertThat(a.state()).contains("texas");
        assertThat(a.imageExpiration()).contains(Instant.parse("2026-05-01T15:03:22Z"));
        assertThat(a.sources()).hasSize(2);
        assertThat(a.sources().get(1).caseNumber()).isEmpty();
        assertThat(a.sources().get(1).customHotlistAudience()).contains("organization");
    }

    @Test
    void apiKey_wrongOrMissing_is401_andNothingIsDelivered() throws Exception {
        start(WebhookAuth.apiKey("x-api-key", "k3y-value"));

        assertThat(post(alertJson(OBJECT_ID), "x-api-key", "k3y-valuE").statusCode()).isEqualTo(401);
        assertThat(post(alertJson(OBJECT_ID)).statusCode()).isEqualTo(401);
        assertThat(post(alertJson(OBJECT_ID), "x-other", "k3y-value").statusCode()).isEqualTo(401);

        assertThat(received).isEmpty();
        assertThat(receiver.rejected()).isEqualTo(3);
    }

    @Test
    void basic_checksUserAndPassword() throws Exception {
        start(WebhookAuth.basic("Authorization", "flock", "pa55word"));
        String good = "Basic " + Base64.getEncoder().encodeToString("flock:pa55word".getBytes(StandardCharsets.UTF_8));
        String bad = "Basic " + Base64.getEncoder().encodeToString("flock:guess".getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> refused = post(alertJson(OBJECT_ID), "Authorization", bad);
        assertThat(refused.statusCode()).isEqualTo(401);
        assertThat(refused.headers().firstValue("WWW-Authenticate")).get().asString().startsWith("Basic");
        assertThat(post(alertJson(OBJECT_ID), "Authorization", good).statusCode()).isEqualTo(200);
        assertThat(received).hasSize(1);
    }

    @Test
    void oauth2_issuesTokensByBodyOrBasicClientCredentials_andAcceptsOnlyThoseUntilTheyExpire() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-05-01T00:00:00Z"));
        receiver = FlockAlertReceiver.builder().clock(clock).listener(received::add)
                .authentication(WebhookAuth.oauth2("Authorization", "flock-client", "cl!ent secret", "/flock/token", Duration.ofMinutes(5)))
                .build().start();
        ObjectMapper json = new ObjectMapper();

        HttpResponse<String> bodyScheme = http.send(HttpRequest.newBuilder(receiver.tokenUri())
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=flock-client&client_secret=cl%21ent+secret"))
                .build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> basicScheme = http.send(HttpRequest.newBuilder(receiver.tokenUri())
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("flock-client:cl!ent secret".getBytes(StandardCharsets.UTF_8)))
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = http.send(HttpRequest.newBuilder(receiver.tokenUri())
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials&client_id=flock-client&client_secret=nope"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(bodyScheme.statusCode()).isEqualTo(200);
        assertThat(basicScheme.statusCode()).isEqualTo(200);
        assertThat(wrong.statusCode()).isEqualTo(401);
        JsonNode token = json.readTree(bodyScheme.body());
        assertThat(token.path("token_type").asText()).isEqualTo("Bearer");
        assertThat(token.path("expires_in").asLong()).isEqualTo(300);

        assertThat(post(alertJson(OBJECT_ID), "Authorization", "Bearer made-up-token").statusCode()).isEqualTo(401);
        assertThat(post(alertJson(OBJECT_ID), "Authorization", "Bearer " + token.path("access_token").asText()).statusCode()).isEqualTo(200);
        clock.advance(Duration.ofMinutes(6));
        String second = json.readTree(basicScheme.body()).path("access_token").asText();
        assertThat(post(alertJson("5171ae2b-843f-405b-922d-b1e89921f24f"), "Authorization", "Bearer " + second).statusCode()).isEqualTo(401);
        assertThat(received).hasSize(1);
    }

    @Test
    void malformedBodies_are400_withTheReason() throws Exception {
        start(WebhookAuth.none());

        HttpResponse<String> notJson = post("{\"objectId\": ");
        HttpResponse<String> missing = post("{\"deviceExternalId\": \"" + DEVICE_ID + "\", \"eventTime\": \"yesterday\"}");
        HttpResponse<String> badValues = post(alertJson(OBJECT_ID).replace("\"ABC1234\"", "\"AB#1234\"").replace("0.93", "1.7")
                .replace("\"sources\": [", "\"sources\": [{\"reason\": 5},"));
        HttpResponse<String> array = post("[]");
        HttpResponse<String> empty = post("");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).contains("not valid JSON");
        assertThat(missing.statusCode()).isEqualTo(400);
        assertThat(missing.body()).contains("objectId is missing").contains("sources is missing")
                .contains("eventTime 'yesterday' is not an ISO 8601 date-time");
        assertThat(badValues.statusCode()).isEqualTo(400);
        assertThat(badValues.body()).contains("AB#1234").contains("labelConfidence 1.7").contains("sources[0].reason must be a string")
                .contains("sources[0].name is missing");
        assertThat(array.body()).contains("not a JSON object");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("empty");
        assertThat(received).isEmpty();
    }

    @Test
    void duplicates_sameObjectId_areAcknowledgedButDeliveredOnce() throws Exception {
        start(WebhookAuth.none());

        HttpResponse<String> first = post(alertJson(OBJECT_ID));
        HttpResponse<String> again = post(alertJson(OBJECT_ID));
        HttpResponse<String> other = post(alertJson("5171ae2b-843f-405b-922d-b1e89921f24f"));

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(again.statusCode()).isEqualTo(200);
        assertThat(again.body()).contains("duplicate");
        assertThat(other.body()).contains("accepted");
        assertThat(received).extracting(FlockAlert::objectId).containsExactly(OBJECT_ID, "5171ae2b-843f-405b-922d-b1e89921f24f");
        assertThat(receiver.duplicates()).isEqualTo(1);
    }

    @Test
    void listenerFailure_is500_andTheRedeliveryIsHandled() throws Exception {
        AtomicBoolean fail = new AtomicBoolean(true);
        receiver = FlockAlertReceiver.builder().authentication(WebhookAuth.none()).listener(a -> {
            if (fail.getAndSet(false)) {
                throw new IllegalStateException("dispatch down");
            }
            received.add(a);
        }).build().start();

        assertThat(post(alertJson(OBJECT_ID)).statusCode()).isEqualTo(500);
        assertThat(post(alertJson(OBJECT_ID)).statusCode()).isEqualTo(200);
        assertThat(received).hasSize(1);
    }

    @Test
    void wrongMethod_type_andSize_areRefused() throws Exception {
        receiver = FlockAlertReceiver.builder().authentication(WebhookAuth.none()).listener(received::add).maxBodyBytes(2048).build().start();

        HttpResponse<String> get = http.send(HttpRequest.newBuilder(receiver.uri()).GET().build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> xml = post("<alert/>", "Content-Type", "application/xml");
        HttpResponse<String> big = post(alertJson(OBJECT_ID).replace("Grandview & 42nd NB", "x".repeat(4000)));

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(xml.statusCode()).isEqualTo(415);
        assertThat(big.statusCode()).isEqualTo(413);
        assertThat(received).isEmpty();
    }

    @Test
    void toAlert_makesAnSdkAlertWithOneExactHitPerSourceList() throws Exception {
        start(WebhookAuth.none());
        post(alertJson(OBJECT_ID));

        Alert alert = received.get(0).toAlert("TX0680300").orElseThrow();

        assertThat(alert.id()).isEqualTo(OBJECT_ID);
        assertThat(alert.read().plate().text()).isEqualTo("ABC1234");
        assertThat(alert.read().plate().jurisdiction()).isEqualTo(Jurisdiction.TX);
        assertThat(alert.read().confidence()).isEqualTo(0.93);
        assertThat(alert.read().camera().id()).isEqualTo(DEVICE_ID);
        assertThat(alert.read().camera().agencyOri()).isEqualTo("TX0680300");
        assertThat(alert.read().images()).singleElement().satisfies(i -> assertThat(i.uri()).isEqualTo(URI.create("https://s3.example/img/1.jpg?X-Amz-Signature=abc")));
        assertThat(alert.hits()).hasSize(2).allSatisfy(h -> {
            assertThat(h.match()).isEqualTo(MatchKind.EXACT);
            assertThat(h.stateVerified()).isTrue();
        });
        assertThat(alert.hits()).extracting(h -> h.entry().listType()).containsExactly(ListType.STOLEN_VEHICLE, ListType.CUSTOM);
        assertThat(alert.hits().get(0).entry().reference()).isEqualTo("24-000123");
        assertThat(alert.stateVerified()).isTrue();
    }

    @Test
    void toAlert_withoutOcr_isEmpty_andTheSinkAdapterDropsIt() throws Exception {
        List<Alert> sunk = new CopyOnWriteArrayList<>();
        receiver = FlockAlertReceiver.builder().authentication(WebhookAuth.none())
                .listener(FlockAlertListener.toSink(sunk::add, "TX0680300")).build().start();

        post(alertJson(OBJECT_ID).replaceAll("\"ocr\": \\{[^}]*\\}", "\"ocr\": null"));
        post(alertJson("5171ae2b-843f-405b-922d-b1e89921f24f").replace("\"state\": \"texas\"", "\"state\": null"));

        assertThat(receiver.accepted()).isEqualTo(2);
        assertThat(sunk).singleElement().satisfies(a -> {
            assertThat(a.read().plate().jurisdiction()).isEqualTo(Jurisdiction.UNKNOWN);
            assertThat(a.stateVerified()).isFalse();
        });
    }

    @Test
    void secrets_neverInToString_andBuilderReportsEveryProblem() {
        WebhookAuth auth = WebhookAuth.oauth2("Authorization", "flock-client", "very-secret", "/t", Duration.ofMinutes(1));
        assertThat(auth.toString()).doesNotContain("very-secret");
        assertThat(WebhookAuth.apiKey("x-api-key", "k3y").toString()).doesNotContain("k3y");
        assertThat(WebhookAuth.basic("Authorization", "u", "pw-secret").toString()).doesNotContain("pw-secret");
        assertThat(FlockAlertReceiver.builder().authentication(auth).listener(a -> { }).build().toString()).doesNotContain("very-secret");

        assertThatThrownBy(() -> FlockAlertReceiver.builder().path("alerts").maxBodyBytes(10).build())
                .hasMessageContaining("path 'alerts'").hasMessageContaining("authentication is missing")
                .hasMessageContaining("listener is missing").hasMessageContaining("maxBodyBytes 10");
    }
}
