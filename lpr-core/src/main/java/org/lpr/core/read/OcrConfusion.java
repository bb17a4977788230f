package org.lpr.core.read;

import java.util.List;

/**
 * The classes of plate characters that OCR mistakes for one another, shared by the hot list engine's
 * misread-tolerant matching and the read stores' tolerant historical search.
 *
 * <p>The first six classes are the ones every ALPR vendor lists; 4/A (an open-top 4 at low
 * resolution), 7/T and U/V are added from plate-reader error studies. The classes are disjoint, and
 * each class's first character is its canonical member.
 */
public final class OcrConfusion {
    private static final List<String> CLASSES = List.of("0ODQ", "1IL", "2Z", "5S", "6G", "8B", "4A", "7T", "UV");

    private OcrConfusion() {
    }

    /** The confusion classes, each a string of its characters, canonical member first. */
    public static List<String> classes() {
        return CLASSES;
    }
}
