package org.lpr.core.pipeline;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.lpr.core.read.Camera;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.ImageRef;

/**
 * When, where and by which camera an image was captured; every read from the image carries it.
 *
 * @param at capture instant
 * @param camera the capturing camera
 * @param location where, when known (mobile cameras report GPS)
 * @param images references to the stored images (the overview image, usually)
 */
public record Capture(Instant at, Camera camera, Optional<GeoPoint> location, List<ImageRef> images) {
    /** Validates the components. */
    public Capture {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(camera, "camera");
        Objects.requireNonNull(location, "location");
        images = List.copyOf(images);
    }

    /** A capture at {@code at} by {@code camera} at an unknown location with no stored images. */
    public static Capture of(Instant at, Camera camera) {
        return new Capture(at, camera, Optional.empty(), List.of());
    }
}
