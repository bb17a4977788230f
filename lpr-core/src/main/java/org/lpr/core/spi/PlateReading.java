package org.lpr.core.spi;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;

/**
 * What a {@link PlateRecognizer} read from one plate crop.
 *
 * @param candidates readings, best first; empty when nothing plate-like was read
 * @param characterConfidences confidence of each character of the best reading (empty when none)
 * @param jurisdiction the issuing jurisdiction where it could be told, else {@link Jurisdiction#UNKNOWN}
 * @param jurisdictionConfidence 0 to 1 (0 when unknown)
 * @param flags conditions the caller should know about (stacked characters, small side characters, ...)
 */
public record PlateReading(
        List<Candidate> candidates,
        List<Double> characterConfidences,
        Jurisdiction jurisdiction,
        double jurisdictionConfidence,
        Set<Flag> flags) {

    /** Conditions of a reading that a caller must know about. */
    public enum Flag {
        /** The plate has two lines, or stacked characters, that were read in reading order. */
        STACKED_CHARACTERS,
        /** Small characters beside the main text were seen and left out of the reading. */
        SMALL_CHARACTERS_IGNORED,
        /** The reading fits none of the jurisdiction's serial formats (a vanity plate, or a misread). */
        NO_FORMAT_MATCH,
        /** Parts of the plate were too blurred, dark or occluded to read with confidence. */
        LOW_QUALITY
    }

    /** Validates and copies the components. */
    public PlateReading {
        candidates = List.copyOf(candidates);
        characterConfidences = List.copyOf(characterConfidences);
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        flags = Set.copyOf(flags);
        if (!(jurisdictionConfidence >= 0 && jurisdictionConfidence <= 1)) {
            throw new IllegalArgumentException("jurisdiction confidence " + jurisdictionConfidence + " is outside [0, 1]");
        }
        if (!candidates.isEmpty() && characterConfidences.size() != candidates.get(0).text().length()
                && !characterConfidences.isEmpty()) {
            throw new IllegalArgumentException("reading '" + candidates.get(0).text() + "' has " + characterConfidences.size()
                    + " character confidences; expected one per character");
        }
    }

    /** A reading with nothing read. */
    public static PlateReading empty() {
        return new PlateReading(List.of(), List.of(), Jurisdiction.UNKNOWN, 0, Set.of());
    }

    /** Whether anything was read. */
    public boolean isEmpty() {
        return candidates.isEmpty();
    }

    /** The best reading. */
    public java.util.Optional<Candidate> best() {
        return candidates.isEmpty() ? java.util.Optional.empty() : java.util.Optional.of(candidates.get(0));
    }
}
