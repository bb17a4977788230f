package org.lpr.core.read;

/**
 * One possible reading of a plate's characters with its confidence.
 *
 * @param text normalized plate characters
 * @param confidence probability-like score, 0 to 1
 */
public record Candidate(String text, double confidence) {
    /** Validates the text and the confidence range. */
    public Candidate {
        text = Plate.normalize(text);
        if (!(confidence >= 0 && confidence <= 1)) {
            throw new IllegalArgumentException("candidate confidence " + confidence + " is outside [0, 1]");
        }
    }
}
