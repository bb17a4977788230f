package org.lpr.opencv;

import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateRecognizer;

/** The DNN models loaded once for the whole test run (loading them per test would dominate its time). */
final class SharedModels {
    private static DnnPlateRecognizer recognizer;
    private static DnnPlateDetector detector;

    private SharedModels() {
    }

    /** The shared recognizer; its {@code close()} holds nothing to release, so contracts closing it leave it usable. */
    static synchronized PlateRecognizer recognizer() {
        if (recognizer == null) {
            recognizer = DnnPlateRecognizer.builder().threads(4).build();
        }
        return recognizer;
    }

    static synchronized DnnPlateRecognizer dnnRecognizer() {
        recognizer();
        return recognizer;
    }

    static synchronized PlateDetector detector() {
        if (detector == null) {
            detector = DnnPlateDetector.builder().threads(4).build();
        }
        return detector;
    }

    static synchronized DnnPlateDetector dnnDetector() {
        detector();
        return detector;
    }
}
