package org.lpr.core.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.PlatePattern;

/**
 * A historical search over stored reads. Results are ordered by capture time, newest first, and paged.
 *
 * @param plate the plate to look for; partial patterns use {@code ?} and {@code *}; empty for any plate
 * @param tolerant also find reads that differ from {@code plate} by characters OCR confuses
 * @param from earliest capture instant, inclusive
 * @param to latest capture instant, exclusive
 * @param cameraIds only these cameras; empty for all
 * @param cameraKinds only these kinds of camera; empty for all
 * @param area only reads inside this area; empty for anywhere
 * @param limit page size, 1 to 10,000
 * @param offset reads to skip (for paging)
 */
public record ReadQuery(
        Optional<PlatePattern> plate,
        boolean tolerant,
        Instant from,
        Instant to,
        Set<String> cameraIds,
        Set<CameraKind> cameraKinds,
        Optional<Area> area,
        int limit,
        int offset) {

    /** The most reads one page can hold. */
    public static final int MAX_LIMIT = 10_000;

    /** An area to search in: a bounding box or a circle. */
    public sealed interface Area {
        /** Whether {@code p} lies inside the area. */
        boolean contains(GeoPoint p);
    }

    /**
     * A latitude/longitude box.
     *
     * @param southWest the box's south-west corner
     * @param northEast the box's north-east corner
     */
    public record Box(GeoPoint southWest, GeoPoint northEast) implements Area {
        /** Validates the corners. */
        public Box {
            if (southWest.latitude() > northEast.latitude() || southWest.longitude() > northEast.longitude()) {
                throw new IllegalArgumentException("box south-west " + southWest + " must lie south-west of north-east " + northEast);
            }
        }

        @Override
        public boolean contains(GeoPoint p) {
            return p.latitude() >= southWest.latitude() && p.latitude() <= northEast.latitude()
                    && p.longitude() >= southWest.longitude() && p.longitude() <= northEast.longitude();
        }
    }

    /**
     * A circle on the ground.
     *
     * @param centre its centre
     * @param radiusMetres its radius, positive, at most 500 km
     */
    public record Radius(GeoPoint centre, double radiusMetres) implements Area {
        /** Validates the radius. */
        public Radius {
            Objects.requireNonNull(centre, "centre");
            if (!(radiusMetres > 0 && radiusMetres <= 500_000)) {
                throw new IllegalArgumentException("search radius " + radiusMetres + " m is outside (0, 500000]");
            }
        }

        @Override
        public boolean contains(GeoPoint p) {
            return centre.distanceMetres(p) <= radiusMetres;
        }
    }

    /** Validates the components. */
    public ReadQuery {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(area, "area");
        cameraIds = Set.copyOf(cameraIds);
        cameraKinds = Set.copyOf(cameraKinds);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("search time range " + from + " .. " + to + " is empty: 'from' must be before 'to'");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("page size " + limit + " is outside 1.." + MAX_LIMIT);
        }
        if (offset < 0) {
            throw new IllegalArgumentException("page offset " + offset + " is negative");
        }
    }

    /** A query for {@code plate} (exact or partial) in {@code [from, to)}, first 100 results. */
    public static ReadQuery forPlate(String plate, Instant from, Instant to) {
        return new ReadQuery(Optional.of(PlatePattern.of(plate)), false, from, to, Set.of(), Set.of(), Optional.empty(), 100, 0);
    }

    /** A copy that returns the page after this one. */
    public ReadQuery nextPage() {
        return new ReadQuery(plate, tolerant, from, to, cameraIds, cameraKinds, area, limit, offset + limit);
    }
}
