package org.lpr.flock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.lpr.core.PolicyViolationException;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.ReadQuery;
import org.lpr.policy.ExternalSearchGrant;
import org.lpr.policy.LprPolicy;

/**
 * Plate read lookups in Flock ({@code POST /reads/lookup}, then {@code GET /reads/lookup/page/{pageId}}), each
 * one approved and audited by the agency's lpr-policy first, with Flock's results as SDK {@link PlateRead}s.
 * A lookup runs only with an {@link ExternalSearchGrant}, which only {@link LprPolicy#authorizeExternalSearch}
 * issues; it sends exactly the search the grant names, and reports every page's read count (or the failure) to
 * the grant for the audit log.
 *
 * <pre>{@code
 * FlockReadLookup lookups = FlockReadLookup.of(flock, "MO0920200");
 * ExternalSearchGrant grant = policy.authorizeExternalSearch(session, ExternalSearch.of(FlockReadLookup.SYSTEM,
 *         SearchRequest.of(ReadQuery.forPlate("ABC1234", from, to),
 *                 PurposeStatement.of(Purpose.STOLEN_VEHICLE, Reference.caseReport("24-1234"), "stolen silver Silverado"))));
 * LookupResult page = lookups.lookup(grant);
 * }</pre>
 *
 * <p>A circle becomes Flock's {@code radius} filter (in miles, at least 1; results outside a smaller circle are
 * dropped here), a box becomes its {@code area} GeoJSON polygon; cameras named in the query are matched here
 * against Flock device ids. Flock sends no plate outline, so reads carry the unit square as polygon; their
 * camera is the Flock device, owned by {@code agencyOri}. Thread-safe.
 */
public final class FlockReadLookup {
    /** The external system's name in grants and audit records. */
    public static final String SYSTEM = "Flock Safety";
    static final double METRES_PER_MILE = 1609.344;
    private static final int REMEMBERED_PAGES = 10_000;

    private final FlockClient client;
    private final String agencyOri;
    private final Map<String, Approved> pages = new LinkedHashMap<>(16, 0.75f, false) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Approved> eldest) {
            return size() > REMEMBERED_PAGES;
        }
    };

    private record Approved(ExternalSearchGrant grant, ReadLookupRequest request) {
    }

    private FlockReadLookup(FlockClient client, String agencyOri) {
        this.client = Objects.requireNonNull(client, "client");
        if (agencyOri == null || !agencyOri.matches("[A-Z0-9]{9}")) {
            throw new IllegalArgumentException("agency ORI '" + agencyOri + "' must be 9 characters [A-Z0-9], e.g. MO0920200");
        }
        this.agencyOri = agencyOri;
    }

    /** Lookups through {@code client} for the agency {@code agencyOri} that owns the Flock organization. */
    public static FlockReadLookup of(FlockClient client, String agencyOri) {
        return new FlockReadLookup(client, agencyOri);
    }

    /**
     * Runs the lookup {@code grant} approved and returns its first page.
     *
     * @throws PolicyViolationException when the grant is for another system, was used already, has expired, its
     *     session ended, or does not cover this agency's reads; nothing is sent to Flock then
     * @throws IllegalArgumentException when the approved search is one Flock cannot run (no full plate,
     *     OCR-tolerant, offset); reported to the grant, nothing sent
     * @throws FlockApiException when Flock refuses or fails; reported to the grant
     */
    public LookupResult lookup(ExternalSearchGrant grant) {
        return lookup(grant, Optional.empty());
    }

    /** As {@link #lookup(ExternalSearchGrant)}, narrowed to reads of plates of {@code state}. */
    public LookupResult lookup(ExternalSearchGrant grant, Jurisdiction state) {
        return lookup(grant, Optional.of(Objects.requireNonNull(state, "state")));
    }

    private LookupResult lookup(ExternalSearchGrant grant, Optional<Jurisdiction> state) {
        Objects.requireNonNull(grant, "a Flock read lookup needs a grant from LprPolicy.authorizeExternalSearch");
        grant.redeem(SYSTEM);
        if (!grant.agencies().contains(agencyOri)) {
            String why = "grant " + grant.id() + " covers reads of " + grant.agencies() + ", not of " + agencyOri + ", whose Flock organization this is";
            grant.reportFailure(why);
            throw new PolicyViolationException(why);
        }
        ReadLookupRequest request;
        try {
            request = ReadLookupRequest.of(grant, state);
        } catch (IllegalArgumentException e) {
            grant.reportFailure(e.getMessage());
            throw e;
        }
        JsonNode answer;
        try {
            answer = client.http().call("POST", "/reads/lookup", body(request), s -> s == 200);
        } catch (RuntimeException e) {
            grant.reportFailure(e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        }
        return finish(answer, new Approved(grant, request));
    }

    /**
     * The page after {@code previous}, under the grant of the lookup it came from.
     *
     * @throws IllegalArgumentException when {@code previous} is the last page
     * @throws PolicyViolationException when the page id did not come from a lookup run here
     */
    public LookupResult nextPage(LookupResult previous) {
        String pageId = previous.nextPageId().orElseThrow(() -> new IllegalArgumentException("the lookup has no further page"));
        Approved approved;
        synchronized (pages) {
            approved = pages.remove(pageId);
        }
        if (approved == null) {
            throw new PolicyViolationException("page " + pageId + " does not belong to a lookup approved through this FlockReadLookup");
        }
        JsonNode answer;
        try {
            String seg = URLEncoder.encode(pageId, StandardCharsets.UTF_8).replace("+", "%20");
            answer = client.http().call("GET", "/reads/lookup/page/" + seg, null, s -> s == 200);
        } catch (RuntimeException e) {
            approved.grant().reportFailure(e.getMessage() == null ? e.toString() : e.getMessage());
            throw e;
        }
        return finish(answer, approved);
    }

    private LookupResult finish(JsonNode answer, Approved approved) {
        LookupResult result = map(answer, approved.request());
        result.nextPageId().ifPresent(id -> {
            synchronized (pages) {
                pages.put(id, approved);
            }
        });
        approved.grant().reportResults(result.reads().size());
        return result;
    }

    private ObjectNode body(ReadLookupRequest r) {
        ObjectNode n = client.http().json.createObjectNode();
        n.put("plate", r.plate());
        n.put("startDate", r.from().toString());
        n.put("endDate", r.to().toString());
        n.put("reason", r.reason());
        r.caseNumber().ifPresent(c -> n.put("caseNumber", c));
        r.state().flatMap(FlockMapping::flockState).ifPresent(s -> n.put("state", s));
        n.put("limit", r.pageSize());
        n.putArray("sort").addObject().put("field", "capturedAt").put("order", "desc");
        r.area().ifPresent(a -> {
            if (a instanceof ReadQuery.Radius c) {
                n.putObject("radius").putObject("radius")
                        .put("latitude", c.centre().latitude()).put("longitude", c.centre().longitude())
                        .put("radius", Math.max(1.0, c.radiusMetres() / METRES_PER_MILE));
            } else if (a instanceof ReadQuery.Box b) {
                ObjectNode area = n.putObject("area").putObject("area");
                area.put("type", "Polygon");
                ArrayNode ring = area.putArray("coordinates").addArray();
                double s = b.southWest().latitude();
                double w = b.southWest().longitude();
                double north = b.northEast().latitude();
                double e = b.northEast().longitude();
                // GeoJSON positions are [longitude, latitude]; the ring is closed
                for (double[] p : new double[][] {{w, s}, {e, s}, {e, north}, {w, north}, {w, s}}) {
                    ring.addArray().add(p[0]).add(p[1]);
                }
            }
        });
        return n;
    }

    private LookupResult map(JsonNode n, ReadLookupRequest request) {
        Optional<ReadQuery.Area> area = request.area();
        if (!n.path("results").isArray()) {
            throw new FlockApiException("POST /reads/lookup", 200, "answer has no results array");
        }
        List<PlateRead> reads = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (JsonNode r : n.path("results")) {
            try {
                PlateRead read = read(r);
                boolean inArea = area.isEmpty() || read.location().isEmpty() || area.get().contains(read.location().get());
                boolean camera = (request.cameraIds().isEmpty() || request.cameraIds().contains(read.camera().id()))
                        && (request.cameraKinds().isEmpty() || request.cameraKinds().contains(read.camera().kind()));
                if (inArea && camera) {
                    reads.add(read);
                }
            } catch (RuntimeException e) {
                skipped.add("read " + r.path("id").asText("(no id)") + ": " + e.getMessage());
            }
        }
        return new LookupResult(reads, n.path("totalItems").asLong(reads.size()), FlockMapping.text(n, "nextPageId").filter(s -> !s.isBlank()),
                skipped);
    }

    private PlateRead read(JsonNode r) {
        String id = r.path("id").asText();
        String plateText = Plate.normalize(r.path("plate").path("plate").asText());
        double confidence = clamp(r.path("plate").path("confidence").asDouble(1.0));
        Jurisdiction j = FlockMapping.text(r.path("state"), "state").flatMap(s -> Jurisdiction.tryParse(s.replace('_', ' '))).orElse(Jurisdiction.UNKNOWN);
        double stateConfidence = j.isKnown() ? clamp(r.path("state").path("confidence").asDouble(0)) : 0;
        Instant capturedAt = OffsetDateTime.parse(r.path("capturedAt").asText()).toInstant();
        JsonNode device = r.path("device");
        String deviceId = device.path("id").asText();
        if (deviceId.isBlank()) {
            throw new IllegalArgumentException("device id is missing");
        }
        Optional<GeoPoint> location = Optional.empty();
        JsonNode loc = device.path("location");
        if (loc.path("latitude").isNumber() && loc.path("longitude").isNumber()) {
            location = Optional.of(new GeoPoint(loc.path("latitude").asDouble(), loc.path("longitude").asDouble()));
        }
        return new PlateRead(id, new Plate(plateText, j), confidence, stateConfidence, List.of(new Candidate(plateText, confidence)),
                Polygon.rectangle(0, 0, 1, 1), capturedAt, new Camera(deviceId, CameraKind.FIXED, agencyOri), location, List.of());
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }

    @Override
    public String toString() {
        return "FlockReadLookup[" + client + ", agency " + agencyOri + "]";
    }
}
