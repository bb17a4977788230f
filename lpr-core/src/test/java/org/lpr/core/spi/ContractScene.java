package org.lpr.core.spi;

import org.lpr.core.image.Image;
import org.lpr.core.read.Polygon;

/**
 * A scene for {@link PlateDetectorContract}: an image and where its plate is.
 *
 * @param image the scene
 * @param plate the true outline of the plate in it
 * @param text the plate's characters
 */
public record ContractScene(Image image, Polygon plate, String text) {
}
