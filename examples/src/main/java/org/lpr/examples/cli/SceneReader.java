package org.lpr.examples.cli;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.lpr.core.image.Image;
import org.lpr.core.pipeline.SecondPass;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.core.spi.PlateRegion;

/**
 * Detects and reads the plates of one image, keeping what the command line prints beside each read
 * (the recognizer's flags, the detection) that the pipeline's {@code PlateRead} does not carry.
 */
final class SceneReader implements AutoCloseable {
    static final Camera CLI_CAMERA = new Camera("lpr-cli", CameraKind.FIXED, "XX0000000");

    private final PlateDetector detector;
    private final @Nullable PlateDetector secondPass;
    private final PlateRecognizer recognizer;
    private final int maxCandidates;

    /** @param secondPass the detector of {@link SecondPass}, or null for none; part of {@code detector} (closed by it, not here) */
    SceneReader(PlateDetector detector, @Nullable PlateDetector secondPass, PlateRecognizer recognizer, int maxCandidates) {
        this.detector = detector;
        this.secondPass = secondPass;
        this.recognizer = recognizer;
        this.maxCandidates = maxCandidates;
    }

    /** One plate found and read. */
    record Found(PlateRead read, PlateReading reading, PlateRegion region) {
    }

    /** What one image gave, with timings in milliseconds. */
    record Result(List<Found> found, List<PlateRegion> regions, double detectMs, double recognizeMs) {
    }

    Result process(Image image) {
        SecondPass.Result result = SecondPass.read(image, detector, secondPass, recognizer);
        List<PlateRegion> regions = result.regions();
        List<PlateReading> readings = result.readings();
        List<Found> found = new ArrayList<>();
        Instant now = Instant.now();
        for (int i = 0; i < regions.size(); i++) {
            PlateReading reading = readings.get(i);
            Optional<Candidate> best = reading.best();
            if (best.isEmpty()) {
                continue;
            }
            List<Candidate> candidates = reading.candidates().subList(0, Math.min(maxCandidates, reading.candidates().size()));
            PlateRead read = new PlateRead(PlateRead.newId(), new Plate(best.get().text(), reading.jurisdiction()), best.get().confidence(),
                    reading.jurisdictionConfidence(), candidates, regions.get(i).polygon(), now, CLI_CAMERA, Optional.empty(), List.of());
            found.add(new Found(read, reading, regions.get(i)));
        }
        found.sort((a, b) -> Double.compare(b.read().confidence(), a.read().confidence()));
        return new Result(found, regions, result.detectMs(), result.recognizeMs());
    }

    @Override
    public void close() {
        try {
            detector.close();
        } finally {
            recognizer.close();
        }
    }
}
