package org.lpr.flock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The OAuth2 client-credentials access token for Flock's API, fetched from {@code /oauth/token} and
 * cached until shortly before it expires. Thread-safe.
 */
final class ClientCredentialsToken {
    static final String ENDPOINT = "POST /oauth/token";

    private final HttpClient http;
    private final URI tokenUri;
    private final String clientId;
    private final Secret clientSecret;
    private final Optional<String> audience;
    private final Duration timeout;
    private final Clock clock;
    private final ObjectMapper json;
    private @Nullable String token;
    private Instant expiresAt = Instant.MIN;
    private int fetches;

    ClientCredentialsToken(HttpClient http, URI tokenUri, String clientId, Secret clientSecret, Optional<String> audience,
            Duration timeout, Clock clock, ObjectMapper json) {
        this.http = http;
        this.tokenUri = tokenUri;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
        this.audience = audience;
        this.timeout = timeout;
        this.clock = clock;
        this.json = json;
    }

    /**
     * The current token, fetching a new one when none is cached or it is about to expire.
     *
     * @throws RetryableFailure when the token endpoint failed in a way worth retrying
     * @throws FlockApiException when the credentials are refused or the answer is unusable
     */
    synchronized String get() {
        if (token != null && clock.instant().isBefore(expiresAt)) {
            return token;
        }
        String form = "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(clientSecret.reveal())
                + audience.map(a -> "&audience=" + enc(a)).orElse("");
        HttpRequest request = HttpRequest.newBuilder(tokenUri).timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new RetryableFailure(ENDPOINT, 0, "timed out after " + timeout.toMillis() + " ms", null, e);
        } catch (IOException e) {
            throw new RetryableFailure(ENDPOINT, 0, "I/O error: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlockApiException(ENDPOINT, 0, "interrupted", e);
        }
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new RetryableFailure(ENDPOINT, status, FlockHttp.errorText(json, response.body()),
                    FlockHttp.retryAfter(response, clock).orElse(null), null);
        }
        if (status != 200) {
            throw new FlockApiException(ENDPOINT, status, (status == 401 ? "client credentials for client id '" + clientId + "' were refused: "
                    : status == 403 ? "audience missing or not allowed: " : "") + FlockHttp.errorText(json, response.body()));
        }
        JsonNode body;
        try {
            body = json.readTree(response.body());
        } catch (IOException e) {
            throw new RetryableFailure(ENDPOINT, status, "answer is not complete JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""), null, e);
        }
        JsonNode accessToken = body == null ? null : body.get("access_token");
        if (accessToken == null || !accessToken.isTextual() || accessToken.asText().isBlank()) {
            throw new FlockApiException(ENDPOINT, status, "answer has no access_token");
        }
        JsonNode type = body.get("token_type");
        if (type != null && type.isTextual() && !type.asText().equalsIgnoreCase("bearer")) {
            throw new FlockApiException(ENDPOINT, status, "token_type '" + type.asText() + "' is not Bearer");
        }
        long expiresIn = body.path("expires_in").asLong(3600);
        // renew a little early so a request never leaves with a token that expires on the way
        long margin = Math.min(60, expiresIn / 10);
        token = accessToken.asText();
        expiresAt = clock.instant().plusSeconds(Math.max(0, expiresIn - margin));
        fetches++;
        return token;
    }

    /** Forgets the cached token (after the API refused it with 401). */
    synchronized void invalidate(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
    }

    /** How many tokens were fetched so far. */
    synchronized int fetches() {
        return fetches;
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return "ClientCredentialsToken[" + tokenUri + ", client " + clientId + ", secret ****]";
    }
}
