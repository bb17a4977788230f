package org.lpr.core.spi;

import java.util.Objects;
import org.lpr.core.image.Image;
import org.lpr.core.read.Polygon;

/**
 * A plate found in an image by a {@link PlateDetector}.
 *
 * @param polygon the plate's outline in the source image's coordinates
 * @param confidence detection confidence, 0 to 1
 * @param crop the plate rectified to an upright rectangle (perspective removed), ready for a recognizer
 */
public record PlateRegion(Polygon polygon, double confidence, Image crop) {
    /** Validates the components. */
    public PlateRegion {
        Objects.requireNonNull(polygon, "polygon");
        Objects.requireNonNull(crop, "crop");
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("detection confidence " + confidence + " is outside [0, 1]");
        }
    }
}
