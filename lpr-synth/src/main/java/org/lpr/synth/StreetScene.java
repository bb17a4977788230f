package org.lpr.synth;

import java.util.List;
import org.lpr.core.image.Image;
import org.lpr.core.read.Plate;
import org.lpr.core.read.Polygon;

/**
 * A rendered street scene ({@link PlateRenderer#renderStreetScene(long)}): a picture of cars, road,
 * buildings and signs holding zero to three plates, with every plate's truth, for plate-detector training.
 *
 * @param image the whole picture
 * @param plates every plate in the picture, none overlapping another, each inside the picture
 */
public record StreetScene(Image image, List<Labelled> plates) {
    /** Copies {@code plates}. */
    public StreetScene {
        plates = List.copyOf(plates);
    }

    /**
     * One plate of a street scene.
     *
     * @param plate the plate's characters and state
     * @param outline the plate's four corners in the picture, clockwise from top-left
     */
    public record Labelled(Plate plate, Polygon outline) {
    }
}
