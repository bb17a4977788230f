package org.lpr.policy.place;

import java.util.Objects;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.spi.ReadQuery;

/**
 * A place where searching would risk targeting people by religion, health care or lawful assembly,
 * configured as a circular geofence. Searches whose area reaches it need a supervisor's approval and
 * are flagged in audit reports.
 *
 * @param name the place's name, e.g. {@code "First Baptist Church"}
 * @param kind what kind of place
 * @param centre the geofence's centre
 * @param radiusMetres the geofence's radius, 1 m to 5 km
 */
public record SensitivePlace(String name, Kind kind, GeoPoint centre, double radiusMetres) {
    /** Kinds of sensitive place. */
    public enum Kind {
        /** A church, mosque, synagogue, temple or other place of worship. */
        PLACE_OF_WORSHIP,
        /** A medical or mental health clinic. */
        HEALTH_CLINIC,
        /** A clinic providing reproductive health care. */
        REPRODUCTIVE_HEALTH_CLINIC,
        /** A site of a lawful assembly, protest or political event. */
        LAWFUL_ASSEMBLY,
        /** A shelter (domestic violence, homeless). */
        SHELTER,
        /** An immigration services or legal aid office. */
        IMMIGRATION_SERVICES
    }

    /** Validates the components. */
    public SensitivePlace {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("sensitive place name must not be blank");
        }
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(centre, "centre");
        if (!(radiusMetres >= 1 && radiusMetres <= 5_000)) {
            throw new IllegalArgumentException("sensitive place '" + name + "' radius " + radiusMetres + " m is outside [1, 5000]");
        }
    }

    /** Whether a search area reaches this place's geofence. */
    public boolean touches(ReadQuery.Area area) {
        if (area instanceof ReadQuery.Radius r) {
            return r.centre().distanceMetres(centre) <= r.radiusMetres() + radiusMetres;
        }
        ReadQuery.Box b = (ReadQuery.Box) area;
        double lat = Math.max(b.southWest().latitude(), Math.min(centre.latitude(), b.northEast().latitude()));
        double lon = Math.max(b.southWest().longitude(), Math.min(centre.longitude(), b.northEast().longitude()));
        return centre.distanceMetres(new GeoPoint(lat, lon)) <= radiusMetres;
    }

    /** Whether a point lies inside the geofence. */
    public boolean contains(GeoPoint p) {
        return centre.distanceMetres(p) <= radiusMetres;
    }
}
