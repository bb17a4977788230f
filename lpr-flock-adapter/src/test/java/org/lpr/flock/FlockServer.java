package org.lpr.flock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loopback HTTP server that answers the Flock v3 endpoints the adapter uses with the JSON shapes of
 * {@code ../shared/docs/flock/flock-safety-openapi-original.yml}, keeping custom hot lists in memory,
 * and that can be told to fail: 5xx, 429 with Retry-After, slow answers, truncated bodies, 413.
 */
final class FlockServer implements AutoCloseable {
    static final String CLIENT_ID = "sdk-client";
    static final String CLIENT_SECRET = "top-secret-value-42";

    /** A failure to serve instead of (or after) the real answer. */
    record Fault(int status, String body, Optional<String> retryAfter, long delayMs, boolean truncate, boolean processFirst) {
        static Fault status(int status) {
            return new Fault(status, "{\"error\":\"injected " + status + "\"}", Optional.empty(), 0, false, false);
        }

        static Fault tooMany(String retryAfter) {
            return new Fault(429, "{\"error\":\"Throttled\"}", Optional.of(retryAfter), 0, false, false);
        }

        static Fault slow(long delayMs) {
            return new Fault(0, "", Optional.empty(), delayMs, false, true);
        }

        static Fault truncated() {
            return new Fault(0, "", Optional.empty(), 0, true, true);
        }

        static Fault afterProcessing(int status) {
            return new Fault(status, "{\"error\":\"injected " + status + " after processing\"}", Optional.empty(), 0, false, true);
        }
    }

    private final ObjectMapper json = new ObjectMapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final Map<String, ConcurrentLinkedDeque<Fault>> faults = new ConcurrentHashMap<>();
    final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    final List<String> authorizations = Collections.synchronizedList(new ArrayList<>());
    final List<JsonNode> bodies = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger tokensIssued = new AtomicInteger();
    private final Set<String> validTokens = ConcurrentHashMap.newKeySet();
    volatile long tokenLifetimeSeconds = 3600;
    volatile int maxEntriesPerRequest = 3000;
    /** Hot lists by id: name and entries (each a HotlistEntry JSON object). */
    final Map<String, String> listNames = Collections.synchronizedMap(new LinkedHashMap<>());
    final Map<String, List<ObjectNode>> listEntries = new ConcurrentHashMap<>();
    /** Reads the lookup endpoint answers with, all on one page per 'limit'. */
    final List<ObjectNode> reads = Collections.synchronizedList(new ArrayList<>());

    FlockServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/oauth/token", this::token);
        server.createContext("/api/v3/", this::api);
        server.start();
    }

    URI apiBase() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/api/v3");
    }

    URI tokenUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/oauth/token");
    }

    FlockClient.Builder client() {
        return FlockClient.builder().apiBase(apiBase()).tokenUri(tokenUri()).clientId(CLIENT_ID).clientSecret(CLIENT_SECRET)
                .retry(new RetryPolicy(4, java.time.Duration.ofMillis(5), java.time.Duration.ofMillis(40), java.time.Duration.ofSeconds(5)))
                .requestTimeout(java.time.Duration.ofMillis(1500));
    }

    /** Serves {@code fault} for the next request to {@code endpoint} ("METHOD /path" under the API, or "POST /oauth/token"). */
    void failNext(String endpoint, Fault fault) {
        faults.computeIfAbsent(endpoint, k -> new ConcurrentLinkedDeque<>()).add(fault);
    }

    void revokeTokens() {
        validTokens.clear();
    }

    String addList(String name, List<ObjectNode> entries) {
        String id = UUID.randomUUID().toString();
        listNames.put(id, name);
        listEntries.put(id, Collections.synchronizedList(new ArrayList<>()));
        addAll(id, entries);
        return id;
    }

    ObjectNode entry(String plate, String state, String reason, String caseNumber) {
        ObjectNode n = json.createObjectNode().put("plate", plate).put("reason", reason).put("caseNumber", caseNumber);
        if (state != null) {
            n.put("state", state);
        }
        return n;
    }

    long count(String endpoint) {
        return requests.stream().filter(r -> r.equals(endpoint)).count();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void token(HttpExchange ex) throws IOException {
        String endpoint = ex.getRequestMethod() + " /oauth/token";
        requests.add(endpoint);
        String form = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        if (serveFault(ex, endpoint, () -> null)) {
            return;
        }
        Map<String, String> f = new HashMap<>();
        for (String kv : form.split("&")) {
            String[] p = kv.split("=", 2);
            f.put(URLDecoder.decode(p[0], StandardCharsets.UTF_8), p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
        }
        if (!"client_credentials".equals(f.get("grant_type"))) {
            send(ex, 400, "{\"error\":\"unsupported grant_type\"}");
            return;
        }
        if (!CLIENT_ID.equals(f.get("client_id")) || !CLIENT_SECRET.equals(f.get("client_secret"))) {
            send(ex, 401, "{\"error\":\"Client credentials invalid\"}");
            return;
        }
        String token = "tok-" + tokensIssued.incrementAndGet() + "-" + UUID.randomUUID();
        validTokens.add(token);
        send(ex, 200, json.createObjectNode().put("access_token", token).put("token_type", "Bearer")
                .put("expires_in", tokenLifetimeSeconds).toString());
    }

    private void api(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring("/api/v3".length());
        String method = ex.getRequestMethod();
        String endpoint = method + " " + path;
        requests.add(endpoint);
        byte[] raw = ex.getRequestBody().readAllBytes();
        JsonNode body = raw.length == 0 ? json.nullNode() : json.readTree(raw);
        bodies.add(body);
        String auth = ex.getRequestHeaders().getFirst("Authorization");
        authorizations.add(String.valueOf(auth));
        if (auth == null || !auth.startsWith("Bearer ") || !validTokens.contains(auth.substring(7))) {
            send(ex, 401, "{\"error\":\"The token is either expired or invalid.\"}");
            return;
        }
        if (serveFault(ex, endpoint, () -> route(method, path, body, ex))) {
            return;
        }
        Answer a = route(method, path, body, ex);
        send(ex, a.status, a.body);
    }

    private record Answer(int status, String body) {
    }

    @FunctionalInterface
    private interface Route {
        Answer run() throws IOException;
    }

    private boolean serveFault(HttpExchange ex, String endpoint, Route real) throws IOException {
        ConcurrentLinkedDeque<Fault> q = faults.get(endpoint);
        Fault fault = q == null ? null : q.poll();
        if (fault == null) {
            return false;
        }
        Answer answer = fault.processFirst ? real.run() : null;
        if (fault.delayMs > 0) {
            try {
                Thread.sleep(fault.delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (fault.status == 0 && answer != null) {
                send(ex, answer.status, answer.body);
                return true;
            }
        }
        if (fault.truncate && answer != null) {
            byte[] b = answer.body.getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(answer.status, 0); // chunked: the client cannot tell the body is short
            try (OutputStream out = ex.getResponseBody()) {
                out.write(b, 0, b.length / 2);
            }
            return true;
        }
        fault.retryAfter.ifPresent(v -> ex.getResponseHeaders().add("Retry-After", v));
        send(ex, fault.status, fault.body);
        return true;
    }

    private Answer route(String method, String path, JsonNode body, HttpExchange ex) throws IOException {
        String[] p = path.split("/");
        if (path.equals("/hotlists") && method.equals("GET")) {
            ArrayNode a = json.createArrayNode();
            synchronized (listNames) {
                listNames.forEach((id, name) -> a.addObject().put("id", id).put("name", name));
            }
            return new Answer(200, a.toString());
        }
        if (path.equals("/hotlists") && method.equals("POST")) {
            if (body.path("entries").size() > maxEntriesPerRequest) {
                return new Answer(413, "{\"error\":\"Request entity too large\"}");
            }
            List<ObjectNode> entries = new ArrayList<>();
            body.path("entries").forEach(e -> entries.add((ObjectNode) e));
            String id = addList(body.path("name").asText(), entries);
            return new Answer(201, json.createObjectNode().put("id", id).toString());
        }
        if (p.length == 3 && p[1].equals("hotlists")) {
            String id = p[2];
            if (!listNames.containsKey(id)) {
                return new Answer(404, "{\"error\":\"No hotlist was found with the given ID\"}");
            }
            switch (method) {
                case "GET":
                    ObjectNode h = json.createObjectNode().put("id", id).put("name", listNames.get(id));
                    h.putArray("entries").addAll(new ArrayList<>(listEntries.get(id)));
                    return new Answer(200, h.toString());
                case "PUT":
                    if (body.path("entries").size() > maxEntriesPerRequest) {
                        return new Answer(413, "{\"error\":\"Request entity too large\"}");
                    }
                    listNames.put(id, body.path("name").asText());
                    listEntries.get(id).clear();
                    addAll(id, body.path("entries"));
                    return new Answer(204, "");
                case "DELETE":
                    listNames.remove(id);
                    listEntries.remove(id);
                    return new Answer(204, "");
                default:
                    return new Answer(405, "{\"error\":\"method\"}");
            }
        }
        if (p.length >= 4 && p[1].equals("hotlists") && p[3].equals("entries")) {
            String id = p[2];
            if (!listNames.containsKey(id)) {
                return new Answer(404, "{\"error\":\"No hotlist was found with the given ID\"}");
            }
            List<ObjectNode> entries = listEntries.get(id);
            if (p.length == 4 && method.equals("GET")) {
                Map<String, String> q = query(ex.getRequestURI());
                int limit = Integer.parseInt(q.getOrDefault("limit", "3000"));
                int from = Integer.parseInt(q.getOrDefault("cursor", "0").replace("c", ""));
                List<ObjectNode> copy;
                synchronized (entries) {
                    copy = new ArrayList<>(entries);
                }
                ObjectNode page = json.createObjectNode();
                page.putArray("entries").addAll(copy.subList(Math.min(from, copy.size()), Math.min(copy.size(), from + limit)));
                page.put("totalResults", copy.size());
                if (from + limit < copy.size()) {
                    page.put("nextPage", "c" + (from + limit));
                } else {
                    page.putNull("nextPage");
                }
                return new Answer(200, page.toString());
            }
            if (p.length == 5 && p[4].equals("addBatch") && method.equals("POST")) {
                JsonNode batch = body.path("entries");
                if (batch.size() > maxEntriesPerRequest) {
                    return new Answer(413, "{\"error\":\"Request entity too large\"}");
                }
                Set<String> seen = new java.util.HashSet<>();
                for (JsonNode e : batch) {
                    if (!seen.add(normalize(e.path("plate").asText()) + "/" + e.path("state").asText(""))) {
                        return new Answer(400, "{\"error\":\"the batch contained a duplicate plate\"}");
                    }
                }
                ObjectNode out = json.createObjectNode();
                ArrayNode created = out.putArray("entries");
                created.addAll(addAll(id, batch));
                return new Answer(200, out.toString());
            }
            if (p.length == 5 && p[4].equals("deleteBatch") && method.equals("POST")) {
                Set<String> ids = new java.util.HashSet<>();
                body.path("ids").forEach(i -> ids.add(i.asText()));
                entries.removeIf(e -> ids.contains(e.path("id").asText()));
                return new Answer(200, "");
            }
        }
        if (path.equals("/reads/lookup") && method.equals("POST")) {
            for (String required : new String[] {"plate", "reason", "startDate", "endDate"}) {
                if (!body.hasNonNull(required)) {
                    return new Answer(422, "{\"error\":\"" + required + " is required\"}");
                }
            }
            if (body.has("radius") && body.has("area")) {
                return new Answer(400, "{\"error\":\"radius and area are exclusive\"}");
            }
            return new Answer(200, lookupPage(body.path("plate").asText(), 0, body.path("limit").asInt(50)).toString());
        }
        if (p.length == 5 && path.startsWith("/reads/lookup/page/") && method.equals("GET")) {
            String[] cursor = p[4].split("_", 3);
            return new Answer(200, lookupPage(cursor[2], Integer.parseInt(cursor[0]), Integer.parseInt(cursor[1])).toString());
        }
        return new Answer(404, "{\"error\":\"no route " + method + " " + path + "\"}");
    }

    private ObjectNode lookupPage(String plate, int from, int limit) {
        List<ObjectNode> matching;
        synchronized (reads) {
            matching = reads.stream().filter(r -> r.path("plate").path("plate").asText().equals(plate)).toList();
        }
        ObjectNode page = json.createObjectNode();
        page.putArray("results").addAll(matching.subList(Math.min(from, matching.size()), Math.min(matching.size(), from + limit)));
        page.put("totalItems", matching.size());
        if (from + limit < matching.size()) {
            page.put("nextPageId", (from + limit) + "_" + limit + "_" + plate);
        }
        return page;
    }

    /** Adds entries as Flock does: plates normalized, entries already held (same plate and state) ignored; returns the created ones. */
    private List<ObjectNode> addAll(String listId, Iterable<? extends JsonNode> batch) {
        List<ObjectNode> entries = listEntries.get(listId);
        List<ObjectNode> created = new ArrayList<>();
        synchronized (entries) {
            Set<String> keys = new java.util.HashSet<>();
            for (ObjectNode x : entries) {
                keys.add(x.path("plate").asText() + "/" + x.path("state").asText(""));
            }
            for (JsonNode j : batch) {
                ObjectNode e = (ObjectNode) j.deepCopy();
                e.put("plate", normalize(e.path("plate").asText()));
                if (keys.add(e.path("plate").asText() + "/" + e.path("state").asText(""))) {
                    e.put("id", UUID.randomUUID().toString());
                    entries.add(e);
                    created.add(e);
                }
            }
        }
        return created;
    }

    private static String normalize(String plate) {
        return plate.trim().replace('O', '0');
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> q = new HashMap<>();
        if (uri.getRawQuery() != null) {
            for (String kv : uri.getRawQuery().split("&")) {
                String[] p = kv.split("=", 2);
                q.put(p[0], p.length > 1 ? URLDecoder.decode(p[1], StandardCharsets.UTF_8) : "");
            }
        }
        return q;
    }

    private static void send(HttpExchange ex, int status, String body) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        if (!body.isEmpty()) {
            ex.getResponseHeaders().add("Content-Type", "application/json");
        }
        ex.sendResponseHeaders(status, status == 204 || b.length == 0 ? -1 : b.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(b);
        }
    }
}
