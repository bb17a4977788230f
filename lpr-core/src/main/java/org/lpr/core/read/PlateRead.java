package org.lpr.core.read;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A read: the plate an LPR camera captured, with how sure the reader is, where it sits in the image,
 * when and where it was captured, by which camera, and the images kept with it.
 *
 * @param id unique read id
 * @param plate the best reading and its jurisdiction
 * @param confidence confidence of the best reading, 0 to 1
 * @param jurisdictionConfidence confidence of the jurisdiction, 0 to 1 (0 when unknown)
 * @param candidates alternative readings, best first; the first is {@code plate.text()}
 * @param polygon the plate's outline in the source image
 * @param capturedAt capture instant
 * @param camera the camera that captured it
 * @param location where it was captured, when known
 * @param images images kept with the read
 */
public record PlateRead(
        String id,
        Plate plate,
        double confidence,
        double jurisdictionConfidence,
        List<Candidate> candidates,
        Polygon polygon,
        Instant capturedAt,
        Camera camera,
        Optional<GeoPoint> location,
        List<ImageRef> images) {

    /** Validates every component; {@code candidates} is made to start with the best reading. */
    public PlateRead {
        if (id == null || id.isBlank() || id.length() > 64) {
            throw new IllegalArgumentException("read id must be 1 to 64 characters");
        }
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(polygon, "polygon");
        Objects.requireNonNull(capturedAt, "capturedAt");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(location, "location");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("read confidence " + confidence + " is outside [0, 1]");
        }
        if (!(jurisdictionConfidence >= 0 && jurisdictionConfidence <= 1)) {
            throw new IllegalArgumentException("jurisdiction confidence " + jurisdictionConfidence + " is outside [0, 1]");
        }
        candidates = List.copyOf(candidates);
        images = List.copyOf(images);
        if (candidates.isEmpty() || !candidates.get(0).text().equals(plate.text())) {
            throw new IllegalArgumentException("candidates of read '" + plate.text() + "' must start with the best reading");
        }
    }

    /** A new random read id. */
    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The alternative readings after the best one. */
    public List<Candidate> alternatives() {
        return candidates.subList(1, candidates.size());
    }
}
