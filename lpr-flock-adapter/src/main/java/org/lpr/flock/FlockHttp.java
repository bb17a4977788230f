package org.lpr.flock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls Flock's API with a bearer token, retrying what is worth retrying: HTTP 5xx, timeouts, broken
 * connections and truncated bodies with backoff and jitter, HTTP 429 after {@code Retry-After}, and
 * one 401 with a fresh token. Logs the endpoint and status of each retry, never a token, secret or body.
 */
final class FlockHttp {
    private static final Logger LOG = LoggerFactory.getLogger(FlockHttp.class);

    private final HttpClient http;
    private final URI apiBase;
    private final ClientCredentialsToken tokens;
    private final RetryPolicy retry;
    private final Duration timeout;
    private final Clock clock;
    final ObjectMapper json;

    FlockHttp(HttpClient http, URI apiBase, ClientCredentialsToken tokens, RetryPolicy retry, Duration timeout, Clock clock, ObjectMapper json) {
        this.http = http;
        this.apiBase = apiBase;
        this.tokens = tokens;
        this.retry = retry;
        this.timeout = timeout;
        this.clock = clock;
        this.json = json;
    }

    /** Calls without recovery; see {@link #call(String, String, Object, IntPredicate, Supplier)}. */
    JsonNode call(String method, String path, @Nullable Object body, IntPredicate ok) {
        return call(method, path, body, ok, null);
    }

    /**
     * Calls {@code method path} with {@code body} (serialized as JSON) until a status that {@code ok}
     * accepts, and returns the answer's JSON ({@link MissingNode} when it has none).
     *
     * @param recover after a failure that may have been processed (5xx, timeout, broken connection),
     *     asked before each retry whether the call in fact took effect; its answer is returned if so
     * @throws FlockApiException naming the endpoint and status when the call fails for good
     */
    JsonNode call(String method, String path, @Nullable Object body, IntPredicate ok, @Nullable Supplier<Optional<JsonNode>> recover) {
        String endpoint = method + " " + (path.indexOf('?') >= 0 ? path.substring(0, path.indexOf('?')) : path);
        byte[] payload;
        try {
            payload = body == null ? new byte[0] : json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new FlockApiException(endpoint, 0, "cannot write the request body: " + e.getMessage(), e);
        }
        boolean refreshedToken = false;
        RetryableFailure last = null;
        for (int attempt = 1; attempt <= retry.maxAttempts(); attempt++) {
            try {
                if (last != null && recover != null && last.status != 429) {
                    Optional<JsonNode> done = recover.get();
                    if (done.isPresent()) {
                        LOG.info("Flock {}: the earlier attempt took effect; not repeating it", endpoint);
                        return done.get();
                    }
                }
                String token = tokens.get();
                HttpResponse<byte[]> response = send(endpoint, method, path, payload, token);
                int status = response.statusCode();
                if (status == 401 && !refreshedToken) {
                    // the token may have been revoked or expired early: one fresh token, without counting an attempt
                    tokens.invalidate(token);
                    refreshedToken = true;
                    attempt--;
                    continue;
                }
                if (ok.test(status)) {
                    return parse(endpoint, status, response.body());
                }
                if (status == 429 || status >= 500) {
                    throw new RetryableFailure(endpoint, status, errorText(json, response.body()), retryAfter(response, clock).orElse(null), null);
                }
                throw new FlockApiException(endpoint, status, errorText(json, response.body()));
            } catch (RetryableFailure f) {
                last = f;
                if (attempt == retry.maxAttempts()) {
                    break;
                }
                Duration wait;
                if (f.retryAfter != null) {
                    if (f.retryAfter.compareTo(retry.maxRetryAfter()) > 0) {
                        throw new FlockApiException(f.endpoint, f.status, f.reason + " (asked to retry after " + f.retryAfter.toSeconds()
                                + " s, longer than the " + retry.maxRetryAfter().toSeconds() + " s allowed)");
                    }
                    wait = f.retryAfter;
                } else {
                    wait = retry.backoff(attempt);
                }
                LOG.warn("Flock {} {}: {}; retry {} of {} in {} ms", f.endpoint, f.status > 0 ? "returned HTTP " + f.status : "failed",
                        f.reason, attempt, retry.maxAttempts() - 1, wait.toMillis());
                sleep(wait, endpoint);
            }
        }
        throw new FlockApiException(last.endpoint, last.status, last.reason + " (gave up after " + retry.maxAttempts() + " attempts)", last);
    }

    private HttpResponse<byte[]> send(String endpoint, String method, String path, byte[] payload, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(apiBase.toString().replaceAll("/+$", "") + path))
                .timeout(timeout)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json");
        if (payload.length > 0) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofByteArray(payload));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new RetryableFailure(endpoint, 0, "timed out after " + timeout.toMillis() + " ms", null, e);
        } catch (IOException e) {
            throw new RetryableFailure(endpoint, 0, "I/O error: " + e.getMessage(), null, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlockApiException(endpoint, 0, "interrupted", e);
        }
    }

    private JsonNode parse(String endpoint, int status, byte[] body) {
        if (body.length == 0) {
            return MissingNode.getInstance();
        }
        try {
            JsonNode node = json.readTree(body);
            return node == null ? MissingNode.getInstance() : node;
        } catch (IOException e) {
            throw new RetryableFailure(endpoint, status, "answer is not complete JSON (" + body.length + " bytes): " + e.getMessage()
                    .lines().findFirst().orElse(""), null, e);
        }
    }

    private static void sleep(Duration wait, String endpoint) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new FlockApiException(endpoint, 0, "interrupted while waiting to retry", e);
        }
    }

    /** Flock's error text from an error answer ({@code {"error": ...}} or {@code {"message": ...}}), else its start. */
    static String errorText(ObjectMapper json, byte[] body) {
        if (body.length == 0) {
            return "no error text";
        }
        try {
            JsonNode n = json.readTree(body);
            if (n != null) {
                for (String k : new String[] {"error", "message", "detail"}) {
                    if (n.path(k).isTextual()) {
                        return printable(n.path(k).asText());
                    }
                }
            }
        } catch (IOException e) {
            // not JSON: show the start of it
        }
        return printable(new String(body, 0, Math.min(body.length, 200), StandardCharsets.UTF_8));
    }

    private static String printable(String s) {
        String t = s.length() > 300 ? s.substring(0, 300) + "..." : s;
        return t.replaceAll("\\p{Cntrl}", " ");
    }

    /** The wait a {@code Retry-After} header asks for: seconds, or an HTTP date. */
    static Optional<Duration> retryAfter(HttpResponse<?> response, Clock clock) {
        Optional<String> h = response.headers().firstValue("Retry-After");
        if (h.isEmpty()) {
            return Optional.empty();
        }
        String v = h.get().trim();
        try {
            return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(v))));
        } catch (NumberFormatException e) {
            try {
                Duration d = Duration.between(clock.instant(), ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
                return Optional.of(d.isNegative() ? Duration.ZERO : d);
            } catch (DateTimeParseException e2) {
                return Optional.empty();
            }
        }
    }
}
