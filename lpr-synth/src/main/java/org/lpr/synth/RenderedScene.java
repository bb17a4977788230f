package org.lpr.synth;

import org.lpr.core.image.Image;
import org.lpr.core.read.Plate;
import org.lpr.core.read.Polygon;

/**
 * A rendered scene: a plate placed in a larger picture, with its truth, for detector tests.
 *
 * @param image the whole picture
 * @param plate the plate's characters and state
 * @param outline the plate's four corners in {@code image} coordinates, clockwise from top-left
 */
public record RenderedScene(Image image, Plate plate, Polygon outline) {
}
