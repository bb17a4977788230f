package org.lpr.flock;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.lpr.core.read.GeoPoint;

/** Reads and checks the {@code LprHotlistAlert} JSON body, naming every problem it finds. */
final class AlertPayload {
    private AlertPayload() {
    }

    /** Thrown for a body that is not a valid alert; the message lists every problem. */
    static final class Malformed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    static FlockAlert parse(JsonNode n) {
        if (n == null || !n.isObject()) {
            throw new Malformed("body is not a JSON object");
        }
        List<String> problems = new ArrayList<>();
        String objectId = uuid(n, "objectId", true, problems);
        String device = uuid(n, "deviceExternalId", true, problems);
        Instant eventTime = time(n, "eventTime", true, problems);
        Optional<Instant> imageExpiration = Optional.ofNullable(time(n, "imageExpiration", false, problems));
        Optional<String> deviceName = text(n, "deviceName", problems);
        Optional<String> networkName = text(n, "networkName", problems);
        uuid(n, "networkExternalId", false, problems);
        Optional<URI> imageUrl = uri(n, "imageUrl", problems);
        Optional<URI> detailsUrl = uri(n, "detailsUrl", problems);
        Optional<Double> lat = number(n, "deviceLat", problems);
        Optional<Double> lon = number(n, "deviceLong", problems);
        Optional<GeoPoint> location = Optional.empty();
        if (lat.isPresent() != lon.isPresent()) {
            problems.add("deviceLat and deviceLong must come together");
        } else if (lat.isPresent()) {
            try {
                location = Optional.of(new GeoPoint(lat.get(), lon.get()));
            } catch (IllegalArgumentException e) {
                problems.add("device position: " + e.getMessage());
            }
        }

        Optional<String> plate = Optional.empty();
        Optional<Double> plateConfidence = Optional.empty();
        Optional<String> state = Optional.empty();
        Optional<Double> stateConfidence = Optional.empty();
        JsonNode ocr = n.get("ocr");
        if (ocr != null && !ocr.isNull()) {
            if (!ocr.isObject()) {
                problems.add("ocr must be an object or null");
            } else {
                plate = text(ocr, "label", problems).map(String::trim).filter(s -> !s.isEmpty());
                plateConfidence = confidence(ocr, "labelConfidence", problems);
                state = text(ocr, "state", problems).filter(s -> !s.isBlank());
                stateConfidence = confidence(ocr, "stateConfidence", problems);
                if (plate.isPresent()) {
                    try {
                        org.lpr.core.read.Plate.normalize(plate.get());
                    } catch (RuntimeException e) {
                        problems.add("ocr.label: " + e.getMessage());
                    }
                }
            }
        }

        List<FlockAlert.Source> sources = new ArrayList<>();
        JsonNode s = n.get("sources");
        if (s == null || s.isNull()) {
            problems.add("sources is missing");
        } else if (!s.isArray()) {
            problems.add("sources must be an array");
        } else {
            for (int i = 0; i < s.size(); i++) {
                JsonNode src = s.get(i);
                if (!src.isObject()) {
                    problems.add("sources[" + i + "] is not an object");
                    continue;
                }
                List<String> p = new ArrayList<>();
                Optional<String> name = text(src, "name", p);
                Optional<String> reason = text(src, "reason", p);
                Optional<String> caseNumber = text(src, "caseNumber", p).filter(c -> !c.isBlank());
                Optional<String> audience = text(src, "customHotlistAudience", p);
                if (audience.isPresent() && !audience.get().equals("organization") && !audience.get().equals("restricted")) {
                    p.add("customHotlistAudience '" + audience.get() + "' is not organization or restricted");
                }
                if (name.isEmpty() || name.get().isBlank()) {
                    p.add("name is missing");
                }
                for (String x : p) {
                    problems.add("sources[" + i + "]." + x);
                }
                if (p.isEmpty()) {
                    sources.add(new FlockAlert.Source(name.get(), reason.orElse(""), caseNumber, audience));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new Malformed(String.join("; ", problems));
        }
        return new FlockAlert(objectId, eventTime, device, deviceName, networkName, location, plate, plateConfidence, state,
                stateConfidence, imageUrl, imageExpiration, detailsUrl, sources);
    }

    private static Optional<String> text(JsonNode n, String field, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            problems.add(field + " must be a string, was " + v.getNodeType().name().toLowerCase());
            return Optional.empty();
        }
        return Optional.of(v.asText());
    }

    private static String uuid(JsonNode n, String field, boolean required, List<String> problems) {
        Optional<String> t = text(n, field, problems);
        if (t.isEmpty()) {
            if (required && (n.get(field) == null || n.get(field).isNull())) {
                problems.add(field + " is missing");
            }
            return "";
        }
        try {
            UUID.fromString(t.get());
            if (t.get().length() != 36) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            problems.add(field + " '" + FlockMapping.abbreviate(t.get()) + "' is not a UUID");
        }
        return t.get();
    }

    private static Instant time(JsonNode n, String field, boolean required, List<String> problems) {
        Optional<String> t = text(n, field, problems);
        if (t.isEmpty()) {
            if (required && (n.get(field) == null || n.get(field).isNull())) {
                problems.add(field + " is missing");
            }
            return required ? Instant.EPOCH : null;
        }
        try {
            return OffsetDateTime.parse(t.get()).toInstant();
        } catch (DateTimeParseException e) {
            problems.add(field + " '" + FlockMapping.abbreviate(t.get()) + "' is not an ISO 8601 date-time");
            return Instant.EPOCH;
        }
    }

    private static Optional<URI> uri(JsonNode n, String field, List<String> problems) {
        return text(n, field, problems).flatMap(t -> {
            try {
                return Optional.of(new URI(t));
            } catch (URISyntaxException e) {
                problems.add(field + " is not a URI");
                return Optional.empty();
            }
        });
    }

    private static Optional<Double> number(JsonNode n, String field, List<String> problems) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isNumber()) {
            problems.add(field + " must be a number");
            return Optional.empty();
        }
        return Optional.of(v.asDouble());
    }

    private static Optional<Double> confidence(JsonNode n, String field, List<String> problems) {
        Optional<Double> d = number(n, "" + field, problems);
        if (d.isPresent() && !(d.get() >= 0 && d.get() <= 1)) {
            problems.add("ocr." + field + " " + d.get() + " is outside [0, 1]");
            return Optional.empty();
        }
        return d;
    }
}
