package org.lpr.flock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.lpr.core.hotlist.HotListEntry;

/**
 * A client of Flock Safety's v3 API for custom hot lists: list, create, update and delete lists, page
 * through their entries, and push the SDK's hot list entries in batches of at most
 * {@value #MAX_BATCH} entries.
 *
 * <pre>{@code
 * FlockClient flock = FlockClient.builder()
 *         .clientId("my-client").clientSecret(System.getenv("FLOCK_SECRET"))
 *         .build();
 * FlockHotList list = flock.createHotList("Burglary series 24-1234", entries);
 * }</pre>
 *
 * <p>Every call authenticates with an OAuth2 client-credentials token that is cached until shortly
 * before it expires and fetched again then (or at once when the API answers 401). Calls are retried
 * as {@link RetryPolicy} says; a call that fails for good throws {@link FlockApiException} naming the
 * endpoint and status. Pushes are idempotent: Flock ignores entries it already holds, duplicates are
 * dropped before sending, and a create that may have taken effect before a failure is not repeated.
 * Plate read lookups go through {@link FlockReadLookup}, which runs only with a grant from lpr-policy.
 * Thread-safe.
 */
public final class FlockClient {
    /** The most entries one Flock request may carry. */
    public static final int MAX_BATCH = 3_000;
    /** Flock's production API. */
    public static final URI PRODUCTION_API = URI.create("https://api.flocksafety.com/api/v3");
    /** Flock's production OAuth2 token endpoint (at the root, not under {@code /api/v3}). */
    public static final URI PRODUCTION_TOKEN = URI.create("https://api.flocksafety.com/oauth/token");

    private final FlockHttp http;
    private final ClientCredentialsToken tokens;
    private final ObjectMapper json;
    private final int maxBatch;
    private final String description;

    private FlockClient(Builder b) {
        this.json = new ObjectMapper();
        HttpClient client = b.httpClient != null ? b.httpClient : HttpClient.newBuilder().connectTimeout(b.connectTimeout).build();
        this.tokens = new ClientCredentialsToken(client, b.tokenUri, Objects.requireNonNull(b.clientId), Secret.of(Objects.requireNonNull(b.clientSecret)),
                Optional.ofNullable(b.audience), b.requestTimeout, b.clock, json);
        this.http = new FlockHttp(client, b.apiBase, tokens, b.retry, b.requestTimeout, b.clock, json);
        this.maxBatch = b.maxBatch;
        this.description = "FlockClient[" + b.apiBase + ", token " + b.tokenUri + ", client " + b.clientId + ", secret ****]";
    }

    /** Starts a client. */
    public static Builder builder() {
        return new Builder();
    }

    FlockHttp http() {
        return http;
    }

    /** How many access tokens this client has fetched (one per expiry, plus one per refused token). */
    public int tokensFetched() {
        return tokens.fetches();
    }

    /** The organization's custom hot lists ({@code GET /hotlists}). */
    public List<FlockHotList> hotLists() {
        JsonNode n = http.call("GET", "/hotlists", null, s -> s == 200);
        List<FlockHotList> out = new ArrayList<>();
        for (JsonNode h : array(n, "GET /hotlists")) {
            out.add(new FlockHotList(h.path("id").asText(), h.path("name").asText()));
        }
        return out;
    }

    /** The custom hot list {@code id} ({@code GET /hotlists/{id}}); empty when Flock has none (404). */
    public Optional<FlockHotList> hotList(String id) {
        try {
            JsonNode n = http.call("GET", "/hotlists/" + seg(id), null, s -> s == 200);
            return Optional.of(new FlockHotList(n.path("id").asText(id), n.path("name").asText()));
        } catch (FlockApiException e) {
            if (e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /**
     * Creates a custom hot list named {@code name} holding {@code entries} ({@code POST /hotlists}, then
     * {@code addBatch} for entries past the first {@value #MAX_BATCH}). When a create fails in a way that
     * may have taken effect (5xx, timeout), the lists are checked for a new one of that name before retrying.
     */
    public FlockHotList createHotList(String name, List<HotListEntry> entries) {
        requireName(name);
        Prepared p = prepare(entries);
        Set<String> before = new HashSet<>();
        for (FlockHotList h : hotLists()) {
            if (h.name().equals(name)) {
                before.add(h.id());
            }
        }
        int inline = Math.min(maxBatch, p.entries.size());
        while (true) {
            ObjectNode body = json.createObjectNode();
            body.put("name", name);
            body.putArray("entries").addAll(p.entries.subList(0, inline));
            try {
                JsonNode created = http.call("POST", "/hotlists", body, s -> s == 201 || s == 200, () -> findNew(name, before));
                String id = created.path("id").asText();
                if (id.isBlank()) {
                    throw new FlockApiException("POST /hotlists", 201, "answer has no id");
                }
                pushPrepared(id, p.entries.subList(inline, p.entries.size()), new int[1], new int[1]);
                return new FlockHotList(id, name);
            } catch (FlockApiException e) {
                if (e.status() != 413 || inline == 0) {
                    throw e;
                }
                inline /= 2; // too many entries in one request: fewer inline, the rest in batches
            }
        }
    }

    private Optional<JsonNode> findNew(String name, Set<String> before) {
        for (FlockHotList h : hotLists()) {
            if (h.name().equals(name) && !before.contains(h.id())) {
                return Optional.of(json.createObjectNode().put("id", h.id()));
            }
        }
        return Optional.empty();
    }

    /**
     * Replaces the name and entries of list {@code id} ({@code PUT /hotlists/{id}}, then {@code addBatch}
     * for entries past the first {@value #MAX_BATCH}). Repeating it gives the same list.
     */
    public void updateHotList(String id, String name, List<HotListEntry> entries) {
        requireName(name);
        Prepared p = prepare(entries);
        int inline = Math.min(maxBatch, p.entries.size());
        while (true) {
            ObjectNode body = json.createObjectNode();
            body.put("name", name);
            body.putArray("entries").addAll(p.entries.subList(0, inline));
            try {
                http.call("PUT", "/hotlists/" + seg(id), body, s -> s == 204 || s == 200);
                pushPrepared(id, p.entries.subList(inline, p.entries.size()), new int[1], new int[1]);
                return;
            } catch (FlockApiException e) {
                if (e.status() != 413 || inline == 0 || !e.endpoint().startsWith("PUT")) {
                    throw e;
                }
                inline /= 2;
            }
        }
    }

    /** Deletes list {@code id} ({@code DELETE /hotlists/{id}}); a list already gone (404) counts as deleted. */
    public void deleteHotList(String id) {
        http.call("DELETE", "/hotlists/" + seg(id), null, s -> s == 204 || s == 200 || s == 404);
    }

    /** One page of list {@code id}'s entries ({@code GET /hotlists/{id}/entries}), {@code limit} 1 to {@value #MAX_BATCH}. */
    public EntryPage entries(String id, Optional<String> cursor, int limit) {
        if (limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("page size " + limit + " is outside 1.." + MAX_BATCH);
        }
        String path = "/hotlists/" + seg(id) + "/entries?limit=" + limit
                + cursor.map(c -> "&cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).orElse("");
        JsonNode n = http.call("GET", path, null, s -> s == 200);
        List<FlockHotListEntry> entries = new ArrayList<>();
        for (JsonNode e : array(n.path("entries"), "GET /hotlists/" + id + "/entries")) {
            entries.add(FlockMapping.parseEntry(e));
        }
        Optional<Long> total = n.path("totalResults").isNumber() ? Optional.of(n.path("totalResults").asLong()) : Optional.empty();
        Optional<String> next = FlockMapping.text(n, "nextPage").filter(s -> !s.isBlank());
        return new EntryPage(entries, total, next);
    }

    /** Pages through every entry of list {@code id}, handing each page's entries to {@code sink}. */
    public void forEachEntry(String id, Consumer<FlockHotListEntry> sink) {
        Optional<String> cursor = Optional.empty();
        Set<String> cursors = new HashSet<>();
        do {
            EntryPage page = entries(id, cursor, MAX_BATCH);
            page.entries().forEach(sink);
            cursor = page.nextPage();
            if (cursor.isPresent() && !cursors.add(cursor.get())) {
                throw new FlockApiException("GET /hotlists/" + id + "/entries", 200, "the cursor '" + cursor.get() + "' came back twice; stopping");
            }
        } while (cursor.isPresent());
    }

    /**
     * Adds {@code entries} to list {@code id} ({@code POST /hotlists/{id}/entries/addBatch}) in batches of at
     * most {@value #MAX_BATCH}; a batch Flock finds too large (413) is split in two and retried.
     * Idempotent: Flock ignores entries it already holds, and duplicates are dropped before sending.
     */
    public PushResult push(String id, List<HotListEntry> entries) {
        Prepared p = prepare(entries);
        int[] batches = {0};
        int[] created = {0};
        pushPrepared(id, p.entries, batches, created);
        return new PushResult(entries.size(), p.entries.size(), batches[0], created[0], p.skipped);
    }

    /** Deletes the entries with Flock ids {@code entryIds} from list {@code id} ({@code deleteBatch}); unknown ids are ignored. */
    public void deleteEntries(String id, List<String> entryIds) {
        for (int i = 0; i < entryIds.size(); i += maxBatch) {
            ObjectNode body = json.createObjectNode();
            ArrayNode ids = body.putArray("ids");
            entryIds.subList(i, Math.min(entryIds.size(), i + maxBatch)).forEach(ids::add);
            http.call("POST", "/hotlists/" + seg(id) + "/entries/deleteBatch", body, s -> s == 200 || s == 204);
        }
    }

    private void pushPrepared(String id, List<ObjectNode> entries, int[] batches, int[] created) {
        for (int i = 0; i < entries.size(); i += maxBatch) {
            addBatch(id, entries.subList(i, Math.min(entries.size(), i + maxBatch)), batches, created);
        }
    }

    private void addBatch(String id, List<ObjectNode> batch, int[] batches, int[] created) {
        if (batch.isEmpty()) {
            return;
        }
        ObjectNode body = json.createObjectNode();
        body.putArray("entries").addAll(batch);
        batches[0]++;
        try {
            JsonNode n = http.call("POST", "/hotlists/" + seg(id) + "/entries/addBatch", body, s -> s == 200 || s == 201);
            created[0] += n.path("entries").size();
        } catch (FlockApiException e) {
            if (e.status() != 413 || batch.size() == 1) {
                throw e;
            }
            int half = batch.size() / 2;
            addBatch(id, batch.subList(0, half), batches, created);
            addBatch(id, batch.subList(half, batch.size()), batches, created);
        }
    }

    private record Prepared(List<ObjectNode> entries, List<String> skipped) {
    }

    private Prepared prepare(List<HotListEntry> entries) {
        Map<String, ObjectNode> byKey = new LinkedHashMap<>();
        List<String> skipped = new ArrayList<>();
        for (HotListEntry e : entries) {
            ObjectNode n;
            try {
                n = FlockMapping.toFlock(json, e);
            } catch (IllegalArgumentException ex) {
                skipped.add(ex.getMessage());
                continue;
            }
            // Flock refuses a batch holding the same plate twice: keep the first
            if (byKey.putIfAbsent(FlockMapping.key(n), n) != null) {
                skipped.add("entry " + e.id() + " repeats plate " + e.plate() + " of state " + e.jurisdiction().code() + "; sent once");
            }
        }
        return new Prepared(new ArrayList<>(byKey.values()), skipped);
    }

    private static Iterable<JsonNode> array(JsonNode n, String endpoint) {
        if (!n.isArray()) {
            throw new FlockApiException(endpoint, 200, "expected a JSON array, got " + n.getNodeType());
        }
        return n;
    }

    private static void requireName(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a Flock custom hot list needs a name");
        }
    }

    /** A path segment: Flock ids are UUIDs; anything else is refused rather than sent into a URL. */
    static String seg(String id) {
        if (id == null || !id.matches("[A-Za-z0-9._~-]{1,128}")) {
            throw new IllegalArgumentException("Flock id '" + id + "' must be 1 to 128 characters [A-Za-z0-9._~-]");
        }
        return id;
    }

    @Override
    public String toString() {
        return description;
    }

    /** Builds a client; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private URI apiBase = PRODUCTION_API;
        private URI tokenUri = PRODUCTION_TOKEN;
        private @Nullable String clientId;
        private @Nullable String clientSecret;
        private @Nullable String audience;
        private Duration connectTimeout = Duration.ofSeconds(10);
        private Duration requestTimeout = Duration.ofSeconds(30);
        private RetryPolicy retry = RetryPolicy.defaults();
        private Clock clock = Clock.systemUTC();
        private @Nullable HttpClient httpClient;
        private int maxBatch = MAX_BATCH;

        private Builder() {
        }

        /** The API base, default {@link #PRODUCTION_API}; for the sandbox {@code https://dev-api.flocksafety.com/api/v3}. */
        public Builder apiBase(URI uri) {
            this.apiBase = uri;
            return this;
        }

        /** The OAuth2 token endpoint, default {@link #PRODUCTION_TOKEN}. */
        public Builder tokenUri(URI uri) {
            this.tokenUri = uri;
            return this;
        }

        /** The OAuth2 client id. */
        public Builder clientId(String id) {
            this.clientId = id;
            return this;
        }

        /** The OAuth2 client secret; it never appears in {@code toString()}, logs or exceptions. */
        public Builder clientSecret(String secret) {
            this.clientSecret = secret;
            return this;
        }

        /** The {@code audience} to ask the token for (e.g. {@code search}); none by default. */
        public Builder audience(String audience) {
            this.audience = audience;
            return this;
        }

        /** Connect timeout; default 10 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = timeout;
            return this;
        }

        /** Timeout of each request, until the whole answer is in; default 30 s. */
        public Builder requestTimeout(Duration timeout) {
            this.requestTimeout = timeout;
            return this;
        }

        /** How calls are retried; default {@link RetryPolicy#defaults()}. */
        public Builder retry(RetryPolicy retry) {
            this.retry = retry;
            return this;
        }

        /** The clock deciding token expiry. */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /** The JDK HTTP client to use (default: a new one with the connect timeout). */
        public Builder httpClient(HttpClient client) {
            this.httpClient = client;
            return this;
        }

        /** The most entries per request, 1 to {@value #MAX_BATCH} (default); smaller for organizations with a lower limit. */
        public Builder maxBatch(int max) {
            this.maxBatch = max;
            return this;
        }

        /**
         * The client.
         *
         * @throws IllegalArgumentException listing every problem (the secret's value never appears)
         */
        public FlockClient build() {
            List<String> problems = new ArrayList<>();
            if (clientId == null || clientId.isBlank()) {
                problems.add("clientId is missing");
            }
            if (clientSecret == null || clientSecret.isBlank()) {
                problems.add("clientSecret is missing");
            }
            for (Map.Entry<String, URI> u : Map.of("apiBase", apiBase, "tokenUri", tokenUri).entrySet()) {
                if (u.getValue() == null || !u.getValue().isAbsolute() || u.getValue().getHost() == null
                        || !("https".equals(u.getValue().getScheme()) || "http".equals(u.getValue().getScheme()))) {
                    problems.add(u.getKey() + " " + u.getValue() + " is not an absolute http(s) URI");
                } else if ("http".equals(u.getValue().getScheme()) && !isLoopback(u.getValue())) {
                    problems.add(u.getKey() + " " + u.getValue() + " is plain http; credentials and LPR data travel only over https (or loopback)");
                }
            }
            if (connectTimeout == null || connectTimeout.isNegative() || connectTimeout.isZero()) {
                problems.add("connectTimeout must be positive");
            }
            if (requestTimeout == null || requestTimeout.isNegative() || requestTimeout.isZero()) {
                problems.add("requestTimeout must be positive");
            }
            if (retry == null) {
                problems.add("retry is missing");
            }
            if (clock == null) {
                problems.add("clock is missing");
            }
            if (maxBatch < 1 || maxBatch > MAX_BATCH) {
                problems.add("maxBatch " + maxBatch + " is outside 1.." + MAX_BATCH);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("Flock client is invalid: " + String.join("; ", problems));
            }
            return new FlockClient(this);
        }

        private static boolean isLoopback(URI u) {
            String h = u.getHost();
            return h.equals("localhost") || h.equals("127.0.0.1") || h.equals("[::1]") || h.equals("::1");
        }

        @Override
        public String toString() {
            return "FlockClient.Builder[" + apiBase + ", client " + clientId + ", secret " + (clientSecret == null ? "missing" : "****") + "]";
        }
    }
}
