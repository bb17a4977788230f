package org.lpr.onnx;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.lpr.core.image.Image;
import org.lpr.onnx.DbTextDetector.TextBox;

/**
 * The text boxes {@link OnnxPlateDetector} found inside each plate crop it cut from a photo, kept beside
 * the crop so that this module's line reader ({@link PlateReader}) can take them instead of running the
 * DB detector a second time on the crop. Nothing public changes: a crop handed from the detector to a
 * recognizer of this module (as {@code Lpr.process} does) carries its boxes; any other crop, or a copy,
 * is read with line finding as before.
 *
 * <p>Keyed by the crop object itself ({@link Image} has identity equality) and held weakly: an entry
 * goes when its crop is collected. Thread-safe.
 */
final class SceneLines {
    private static final Map<Image, Boxes> BY_CROP = Collections.synchronizedMap(new WeakHashMap<>());

    private SceneLines() {
    }

    /**
     * The photo detector's text boxes inside one crop.
     *
     * @param boxes the boxes, in crop pixel coordinates, clipped to the crop
     * @param mapScale the detector's probability-map pixels per crop pixel: how finely the photo was seen
     * @param line the text line the detector made this crop for, in crop pixel coordinates (upright, centred)
     * @param lineShareOfPhoto that line's height over the photo's height
     */
    record Boxes(List<TextBox> boxes, double mapScale, Quad line, double lineShareOfPhoto) {
        Boxes {
            boxes = List.copyOf(boxes);
        }

        /** The crop's height as the photo detector saw it, in map pixels. */
        double mapHeight(Image crop) {
            return crop.height() * mapScale;
        }
    }

    /** Keeps {@code boxes} for {@code crop} (which they must not reference, or the entry would never go). */
    static void remember(Image crop, Boxes boxes) {
        BY_CROP.put(crop, boxes);
    }

    /** The boxes kept for this very crop object, if the photo detector cut it. */
    static Optional<Boxes> of(Image crop) {
        return Optional.ofNullable(BY_CROP.get(crop));
    }
}
