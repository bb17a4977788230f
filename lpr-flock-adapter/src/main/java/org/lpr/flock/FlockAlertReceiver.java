package org.lpr.flock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;
import org.lpr.core.LprException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The endpoint Flock POSTs LPR hot list alerts to (subscriptions at
 * {@code /integrations/lpr/alerts/subscriptions}), on the JDK's HTTP server.
 *
 * <pre>{@code
 * FlockAlertReceiver receiver = FlockAlertReceiver.builder()
 *         .bind(new InetSocketAddress(8443))
 *         .authentication(WebhookAuth.apiKey("x-api-key", System.getenv("FLOCK_WEBHOOK_KEY")))
 *         .listener(FlockAlertListener.toSink(dispatch, "MO0920200"))
 *         .build()
 *         .start();
 * }</pre>
 *
 * <p>Each POST is checked against the configured {@link WebhookAuth} (401 when it fails), must be JSON
 * (415 otherwise) of at most {@link Builder#maxBodyBytes} bytes (413), and must be a valid
 * {@code LprHotlistAlert} (400 with every problem named in {@code {"error": ...}}). A valid alert
 * goes to the listener once per {@code objectId}: a repeated delivery is acknowledged (200,
 * {@code {"status":"duplicate"}}) without calling it again. When the listener throws, the answer
 * is 500 and the alert is not remembered, so Flock's redelivery is handled. Run it behind TLS
 * (a reverse proxy) in production: the JDK server here speaks plain HTTP.
 */
public final class FlockAlertReceiver implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(FlockAlertReceiver.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final InetSocketAddress bind;
    private final String path;
    private final WebhookAuth auth;
    private final FlockAlertListener listener;
    private final int maxBodyBytes;
    private final int remember;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Boolean> seen;
    private final Map<String, Instant> issuedTokens = new ConcurrentHashMap<>();
    private final AtomicLong accepted = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private @Nullable HttpServer server;
    private @Nullable ExecutorService executor;

    private FlockAlertReceiver(Builder b) {
        this.bind = b.bind;
        this.path = b.path;
        this.auth = b.auth;
        this.listener = b.listener;
        this.maxBodyBytes = b.maxBodyBytes;
        this.remember = b.remember;
        this.clock = b.clock;
        this.seen = new LinkedHashMap<>(16, 0.75f, false) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                return size() > remember;
            }
        };
    }

    /** Starts a receiver. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts serving; returns this receiver. */
    public synchronized FlockAlertReceiver start() {
        if (server != null) {
            throw new IllegalStateException("receiver is already started");
        }
        try {
            HttpServer s = HttpServer.create(bind, 64);
            executor = Executors.newFixedThreadPool(4, r -> {
                Thread t = new Thread(r, "flock-webhook");
                t.setDaemon(true);
                return t;
            });
            s.setExecutor(executor);
            s.createContext(path, this::handleAlert);
            if (auth.scheme == WebhookAuth.Scheme.OAUTH2) {
                s.createContext(auth.tokenPath, this::handleToken);
            }
            s.start();
            server = s;
        } catch (IOException e) {
            throw new LprException("cannot listen for Flock alerts on " + bind + ": " + e.getMessage(), e);
        }
        LOG.info("listening for Flock alerts on {} ({})", uri(), auth);
        return this;
    }

    /** The port listened on (useful when bound to port 0). */
    public int port() {
        HttpServer s = server;
        if (s == null) {
            throw new IllegalStateException("receiver is not started");
        }
        return s.getAddress().getPort();
    }

    /** The alert endpoint's URL, to give as the subscription's {@code callbackUrl} (behind TLS in production). */
    public URI uri() {
        return URI.create("http://" + bind.getHostString() + ":" + port() + path);
    }

    /** The token endpoint's URL for {@link WebhookAuth.Scheme#OAUTH2}, to give as the subscription's {@code tokenEndpoint}. */
    public URI tokenUri() {
        if (auth.scheme != WebhookAuth.Scheme.OAUTH2) {
            throw new IllegalStateException("the receiver serves a token endpoint only with OAuth2 authentication");
        }
        return URI.create("http://" + bind.getHostString() + ":" + port() + auth.tokenPath);
    }

    /** Alerts passed to the listener so far. */
    public long accepted() {
        return accepted.get();
    }

    /** Repeated deliveries acknowledged without calling the listener. */
    public long duplicates() {
        return duplicates.get();
    }

    /** Requests refused (authentication, malformed body, wrong method or type, too large). */
    public long rejected() {
        return rejected.get();
    }

    /** Stops serving. */
    @Override
    public synchronized void close() {
        if (server != null) {
            server.stop(0);
            server = null;
        }
        if (executor != null) {
            executor.shutdownNow();
            executor = null;
        }
    }

    private void handleAlert(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")) {
                ex.getResponseHeaders().add("Allow", "POST");
                refuse(ex, 405, "method " + ex.getRequestMethod() + " is not allowed; Flock POSTs alerts");
                return;
            }
            if (!authenticated(ex)) {
                if (auth.scheme == WebhookAuth.Scheme.BASIC) {
                    ex.getResponseHeaders().add("WWW-Authenticate", "Basic realm=\"flock-alerts\"");
                } else if (auth.scheme == WebhookAuth.Scheme.OAUTH2) {
                    ex.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"flock-alerts\"");
                }
                refuse(ex, 401, "authentication failed");
                return;
            }
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (type != null && !type.toLowerCase().contains("json")) {
                refuse(ex, 415, "content type " + type + " is not supported; subscribe with contentType application/json");
                return;
            }
            byte[] body = readAtMost(ex.getRequestBody(), maxBodyBytes);
            if (body == null) {
                refuse(ex, 413, "body is larger than " + maxBodyBytes + " bytes");
                return;
            }
            if (body.length == 0) {
                refuse(ex, 400, "body is empty; expected an LprHotlistAlert JSON object");
                return;
            }
            FlockAlert alert;
            try {
                JsonNode node = json.readTree(body);
                alert = AlertPayload.parse(node);
            } catch (AlertPayload.Malformed e) {
                refuse(ex, 400, "invalid alert: " + e.getMessage());
                return;
            } catch (IOException e) {
                refuse(ex, 400, "body is not valid JSON: " + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
                return;
            }
            synchronized (seen) {
                if (seen.containsKey(alert.objectId())) {
                    duplicates.incrementAndGet();
                    respond(ex, 200, "{\"status\":\"duplicate\"}");
                    return;
                }
                seen.put(alert.objectId(), Boolean.TRUE);
            }
            try {
                listener.onAlert(alert);
            } catch (RuntimeException e) {
                synchronized (seen) {
                    seen.remove(alert.objectId());
                }
                LOG.error("Flock alert {} could not be handled; answering 500 so Flock delivers it again", alert.objectId(), e);
                respond(ex, 500, json.createObjectNode().put("error", "alert " + alert.objectId() + " could not be handled; deliver it again").toString());
                return;
            }
            accepted.incrementAndGet();
            respond(ex, 200, "{\"status\":\"accepted\"}");
        }
    }

    private boolean authenticated(HttpExchange ex) {
        if (auth.scheme == WebhookAuth.Scheme.NONE) {
            return true;
        }
        String value = ex.getRequestHeaders().getFirst(auth.headerName);
        if (value == null) {
            return false;
        }
        switch (auth.scheme) {
            case API_KEY:
                return auth.secret.matches(value);
            case BASIC: {
                String expected = "Basic " + Base64.getEncoder().encodeToString((auth.user + ":" + auth.secret.reveal()).getBytes(StandardCharsets.UTF_8));
                return Secret.of(expected).matches(value.trim());
            }
            case OAUTH2: {
                if (!value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                    return false;
                }
                Instant expiry = issuedTokens.get(value.substring(7).trim());
                return expiry != null && clock.instant().isBefore(expiry);
            }
            default:
                return false;
        }
    }

    private void handleToken(HttpExchange ex) throws IOException {
        try (ex) {
            if (!ex.getRequestMethod().equals("POST")) {
                ex.getResponseHeaders().add("Allow", "POST");
                refuse(ex, 405, "method " + ex.getRequestMethod() + " is not allowed");
                return;
            }
            byte[] raw = readAtMost(ex.getRequestBody(), 16_384);
            if (raw == null) {
                refuse(ex, 413, "token request is too large");
                return;
            }
            Map<String, String> form = new HashMap<>();
            for (String kv : new String(raw, StandardCharsets.UTF_8).split("&")) {
                if (kv.isEmpty()) {
                    continue;
                }
                String[] p = kv.split("=", 2);
                form.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
            String id = form.get("client_id");
            String secret = form.get("client_secret");
            String basic = ex.getRequestHeaders().getFirst("Authorization");
            if (basic != null && basic.regionMatches(true, 0, "Basic ", 0, 6)) { // tokenScheme: basic
                try {
                    String[] up = new String(Base64.getDecoder().decode(basic.substring(6).trim()), StandardCharsets.UTF_8).split(":", 2);
                    id = URLDecoder.decode(up[0], StandardCharsets.UTF_8);
                    secret = up.length > 1 ? URLDecoder.decode(up[1], StandardCharsets.UTF_8) : "";
                } catch (IllegalArgumentException e) {
                    refuse(ex, 400, "Authorization header is not valid basic credentials");
                    return;
                }
            }
            if (!"client_credentials".equals(form.get("grant_type"))) {
                refuse(ex, 400, "unsupported_grant_type: expected client_credentials");
                return;
            }
            if (id == null || secret == null || !Secret.of(auth.user).matches(id) || !auth.secret.matches(secret)) {
                refuse(ex, 401, "invalid_client");
                return;
            }
            Instant now = clock.instant();
            issuedTokens.values().removeIf(expiry -> !now.isBefore(expiry));
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            issuedTokens.put(token, now.plus(auth.tokenLifetime));
            respond(ex, 200, json.createObjectNode().put("access_token", token).put("token_type", "Bearer")
                    .put("expires_in", auth.tokenLifetime.toSeconds()).toString());
        }
    }

    private void refuse(HttpExchange ex, int status, String reason) throws IOException {
        rejected.incrementAndGet();
        LOG.warn("refused Flock webhook request {} {} from {}: {} {}", ex.getRequestMethod(), ex.getRequestURI().getPath(),
                ex.getRemoteAddress().getAddress().getHostAddress(), status, reason);
        respond(ex, status, json.createObjectNode().put("error", reason).toString());
    }

    private static void respond(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", "application/json");
        ex.sendResponseHeaders(status, b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }

    /** The stream's bytes, or null when there are more than {@code max}. */
    private static byte @Nullable [] readAtMost(InputStream in, int max) throws IOException {
        byte[] b = in.readNBytes(max + 1);
        return b.length > max ? null : b;
    }

    @Override
    public String toString() {
        return "FlockAlertReceiver[" + bind + path + ", " + auth + "]";
    }

    /** Builds a receiver; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private InetSocketAddress bind = new InetSocketAddress("127.0.0.1", 0);
        private String path = "/flock/alerts";
        private @Nullable WebhookAuth auth;
        private @Nullable FlockAlertListener listener;
        private int maxBodyBytes = 1 << 20;
        private int remember = 100_000;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Address and port to listen on; default 127.0.0.1 on a free port. */
        public Builder bind(InetSocketAddress address) {
            this.bind = address;
            return this;
        }

        /** The alert endpoint's path; default {@code /flock/alerts}. */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /** The authentication configured in the Flock subscription; required ({@link WebhookAuth#none()} must be said). */
        public Builder authentication(WebhookAuth auth) {
            this.auth = auth;
            return this;
        }

        /** Receives each new alert. */
        public Builder listener(FlockAlertListener listener) {
            this.listener = listener;
            return this;
        }

        /** The largest body accepted; default 1 MiB. */
        public Builder maxBodyBytes(int max) {
            this.maxBodyBytes = max;
            return this;
        }

        /** How many recent {@code objectId}s are remembered to acknowledge duplicates once; default 100,000. */
        public Builder rememberObjectIds(int count) {
            this.remember = count;
            return this;
        }

        /** The clock deciding OAuth2 token expiry. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * The receiver, not yet started.
         *
         * @throws IllegalArgumentException listing every problem
         */
        public FlockAlertReceiver build() {
            List<String> problems = new ArrayList<>();
            if (bind == null) {
                problems.add("bind address is missing");
            }
            if (path == null || !path.startsWith("/")) {
                problems.add("path '" + path + "' must start with '/'");
            }
            if (auth == null) {
                problems.add("authentication is missing (use WebhookAuth.none() to say there is none)");
            } else if (auth.scheme == WebhookAuth.Scheme.OAUTH2 && auth.tokenPath.equals(path)) {
                problems.add("the OAuth2 token path must differ from the alert path");
            }
            if (listener == null) {
                problems.add("listener is missing");
            }
            if (maxBodyBytes < 1_024) {
                problems.add("maxBodyBytes " + maxBodyBytes + " is below 1024");
            }
            if (remember < 1) {
                problems.add("rememberObjectIds " + remember + " must be at least 1");
            }
            if (clock == null) {
                problems.add("clock is missing");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Flock alert receiver is invalid: " + String.join("; ", problems));
            }
            return new FlockAlertReceiver(this);
        }
    }
}
