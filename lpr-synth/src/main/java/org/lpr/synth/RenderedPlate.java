package org.lpr.synth;

import org.lpr.core.image.Image;
import org.lpr.core.read.Plate;
import org.lpr.core.read.Polygon;

/**
 * A rendered plate crop and its truth.
 *
 * @param image the crop, as a camera and a plate finder would give it
 * @param plate the plate's characters and state
 * @param outline the plate's four corners in {@code image} coordinates, clockwise from top-left
 *     (corners may lie outside a tight crop)
 */
public record RenderedPlate(Image image, Plate plate, Polygon outline) {
}
