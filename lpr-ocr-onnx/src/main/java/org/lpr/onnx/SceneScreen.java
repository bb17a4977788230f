package org.lpr.onnx;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;

import java.util.Optional;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;
import org.lpr.core.spi.PlateReading;

/**
 * The scene screen: what this module's recognizers skip or drop among the candidate crops that
 * {@link OnnxPlateDetector} cut from a photo, where most candidates are other text (signs, badges, dealer
 * names, date stamps). Two rules, both for detector crops only (a plain crop, as {@code lpr eval-crops}
 * reads them, is read and reported as before):
 * <ol>
 *   <li><b>Too long to be a serial: not read.</b> A candidate whose text line is more than
 *   {@link #MAX_LINE_ASPECT} times as wide as tall is not read at all (no line finder, no line reads, no plate
 *   model): a US plate is 12 in wide and its characters 2.5 to 3 in tall, so its serial line is at most
 *   about 4.8 character heights wide. Date stamps, web addresses and shop signs are longer.</li>
 *   <li><b>No plausible plate: dropped.</b> For the crops of either photo detector (the text detector's,
 *   which carry {@link SceneLines}, and plate-det's), a reading whose best text has fewer than {@link #MIN_CHARACTERS}
 *   characters, or more than {@link #MAX_CHARACTERS} (the most a US plate holds) and is flagged
 *   {@code LOW_QUALITY}, is reported as no reading.</li>
 * </ol>
 * On by default; {@code -Dlpr.onnx.sceneScreen=false} or the builders' {@code sceneScreen(false)} turn it off.
 * The limits were chosen on rendered street scenes (lpr-synth, module README), never on the dev photos.
 */
final class SceneScreen {
    /** A detector line wider than this many times its height is not a plate serial. */
    static final double MAX_LINE_ASPECT = 5.0;
    /** Fewer characters than this are no plate (as for the serial line, {@code PlateReader}). */
    static final int MIN_CHARACTERS = 2;
    /** The most characters a US plate holds; a longer reading flagged low quality is no plate. */
    static final int MAX_CHARACTERS = 8;

    /** The crops a plate detection model (plate-det) cut from a photo; the text detector's carry {@link SceneLines}. Held weakly. */
    private static final Set<Image> PLATE_MAP_CROPS = Collections.synchronizedSet(Collections.newSetFromMap(new WeakHashMap<>()));

    private SceneScreen() {
    }

    /**
     * Marks {@code crop} as cut from a photo by a plate detection model, so that rule 2 screens its reading and the line
     * reader reads no legend bands in it ({@code PlateReader}).
     */
    static void rememberPlateMapCrop(Image crop) {
        PLATE_MAP_CROPS.add(crop);
    }

    /** Whether a photo detector of this module cut this very crop object. */
    static boolean cutFromPhoto(Image crop) {
        return SceneLines.of(crop).isPresent() || PLATE_MAP_CROPS.contains(crop);
    }

    /**
     * The default from {@code -Dlpr.onnx.sceneScreen} ({@code true} unless set to {@code false}).
     *
     * @throws LprException when the property is neither {@code true} nor {@code false}
     */
    static boolean enabledByDefault() {
        return Switch.onUnlessFalse("lpr.onnx.sceneScreen");
    }

    /** Whether {@code crop}, cut by the photo detector, is not worth reading: its text line is too long for a serial. */
    static boolean skips(Image crop) {
        Optional<SceneLines.Boxes> b = SceneLines.of(crop);
        return b.isPresent() && b.get().line().width() > MAX_LINE_ASPECT * b.get().line().height();
    }

    /** {@code reading} of {@code crop}, or no reading where the photo detector cut the crop and the reading is no plausible plate. */
    static PlateReading kept(Image crop, PlateReading reading) {
        if (reading.isEmpty() || !cutFromPhoto(crop)) {
            return reading;
        }
        Candidate best = reading.candidates().get(0);
        int n = best.text().length();
        boolean implausible = n < MIN_CHARACTERS
                || (n > MAX_CHARACTERS && reading.flags().contains(PlateReading.Flag.LOW_QUALITY));
        return implausible ? PlateReading.empty() : reading;
    }
}
