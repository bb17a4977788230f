package org.lpr.core.read;

import java.net.URI;
import java.util.Objects;

/**
 * A reference to an image kept with a read: where it is stored and what it shows.
 *
 * @param kind what the image shows
 * @param uri where the image is stored (file, object store, evidence system)
 */
public record ImageRef(Kind kind, URI uri) {
    /** What an image kept with a read shows. */
    public enum Kind {
        /** The plate crop the characters were read from. */
        PLATE_CROP,
        /** The vehicle. */
        VEHICLE,
        /** The whole scene (full frame). */
        OVERVIEW
    }

    /** Checks both components are present. */
    public ImageRef {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(uri, "uri");
    }
}
