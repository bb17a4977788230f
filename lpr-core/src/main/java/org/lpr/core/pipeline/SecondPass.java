package org.lpr.core.pipeline;

import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.lpr.core.LprException;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.core.spi.PlateRegion;

/**
 * Finding and reading the plates of one photo, with an optional second detector pass: where the first detector's regions
 * give no reading that fits a serial format (no reading at all, or every one flagged {@link PlateReading.Flag#NO_FORMAT_MATCH}),
 * the second detector (for example PaddleOCR's text detector at a larger size) runs too, and the regions it finds beyond
 * the first's are read as well. Most photos with a plate read one on the first pass and pay nothing more; a photo whose
 * plate the first pass missed among badges and signs gets a second look. {@link Lpr} and the {@code lpr} command line use
 * it, and so do the {@code lpr recognize} and {@code lpr eval-scenes} commands; lpr-ocr-onnx/README.md (*A second detector
 * pass where the first reads no plate*) has the measurements.
 */
public final class SecondPass {
    /** A second-pass region more than this part of whose box (of the smaller of the two) lies in a first-pass region is that plate again. */
    static final double SAME_PLATE = 0.5;

    private SecondPass() {
    }

    /**
     * What one photo gave: its regions, each one's reading (same order), and the milliseconds spent detecting and reading.
     *
     * @param regions the regions found, the first pass's first
     * @param readings one reading per region
     * @param detectMs time in detectors
     * @param recognizeMs time in the recognizer
     */
    public record Result(List<PlateRegion> regions, List<PlateReading> readings, double detectMs, double recognizeMs) {
        /** Copies the lists; checks that they pair up. */
        public Result {
            regions = List.copyOf(regions);
            readings = List.copyOf(readings);
            if (regions.size() != readings.size()) {
                throw new IllegalArgumentException(readings.size() + " readings for " + regions.size() + " regions");
            }
        }
    }

    /**
     * Detects and reads the plates of {@code image}; {@code second} (null: none) runs where the first pass reads no plate
     * that fits a serial format ({@link #wanted}).
     *
     * @throws LprException when the recognizer returns another number of readings than it was given crops
     */
    public static Result read(Image image, PlateDetector first, @Nullable PlateDetector second, PlateRecognizer recognizer) {
        long t0 = System.nanoTime();
        List<PlateRegion> regions = new ArrayList<>(first.detect(image));
        long t1 = System.nanoTime();
        List<PlateReading> readings = new ArrayList<>(readAll(recognizer, regions));
        long t2 = System.nanoTime();
        double detectMs = (t1 - t0) / 1e6;
        double recognizeMs = (t2 - t1) / 1e6;
        if (second == null || !wanted(readings)) {
            return new Result(regions, readings, detectMs, recognizeMs);
        }
        List<PlateRegion> more = beyond(regions, second.detect(image));
        long t3 = System.nanoTime();
        readings.addAll(readAll(recognizer, more));
        long t4 = System.nanoTime();
        regions.addAll(more);
        return new Result(regions, readings, detectMs + (t3 - t2) / 1e6, recognizeMs + (t4 - t3) / 1e6);
    }

    /** Whether a second pass is wanted: no reading fits a serial format (none at all, or each empty or flagged {@code NO_FORMAT_MATCH}). */
    static boolean wanted(List<PlateReading> readings) {
        return readings.stream().allMatch(r -> r.isEmpty() || r.flags().contains(PlateReading.Flag.NO_FORMAT_MATCH));
    }

    /** The regions of {@code more} that are no plate of {@code found} again (their boxes overlap none by more than half of the smaller). */
    static List<PlateRegion> beyond(List<PlateRegion> found, List<PlateRegion> more) {
        List<PlateRegion> out = new ArrayList<>();
        for (PlateRegion r : more) {
            if (found.stream().noneMatch(f -> f.polygon().boundingBoxOverlapOfSmaller(r.polygon()) > SAME_PLATE)) {
                out.add(r);
            }
        }
        return out;
    }

    private static List<PlateReading> readAll(PlateRecognizer recognizer, List<PlateRegion> regions) {
        if (regions.isEmpty()) {
            return List.of();
        }
        List<PlateReading> readings = recognizer.recognizeAll(regions.stream().map(PlateRegion::crop).toList());
        if (readings.size() != regions.size()) {
            throw new LprException("recognizer " + recognizer.name() + " returned " + readings.size() + " readings for " + regions.size() + " crops");
        }
        return readings;
    }
}
