package org.lpr.core.read;

import java.util.Objects;
import org.lpr.core.InvalidPlateException;

/**
 * A license plate: its normalized characters ({@code [A-Z0-9]}, 1 to {@value #MAX_LENGTH}) and
 * its issuing {@link Jurisdiction}.
 *
 * @param text normalized plate characters
 * @param jurisdiction the issuing jurisdiction, {@link Jurisdiction#UNKNOWN} when not told
 */
public record Plate(String text, Jurisdiction jurisdiction) {
    /** The longest plate text accepted (US and Canadian plates carry at most 8; vanity and special plates a few more). */
    public static final int MAX_LENGTH = 10;

    /** Validates that {@code text} is already normalized. */
    public Plate {
        Objects.requireNonNull(jurisdiction, "jurisdiction");
        validateNormalized(text);
    }

    /** Normalizes {@code raw} (see {@link #normalize(String)}) into a plate of {@code jurisdiction}. */
    public static Plate of(String raw, Jurisdiction jurisdiction) {
        return new Plate(normalize(raw), jurisdiction);
    }

    /** Normalizes {@code raw} into a plate of unknown jurisdiction. */
    public static Plate of(String raw) {
        return of(raw, Jurisdiction.UNKNOWN);
    }

    /**
     * Normalizes plate text: upper-cases ASCII letters, removes spaces, dashes and dots, and rejects
     * anything else with an {@link InvalidPlateException} that names the character and its index.
     */
    public static String normalize(String raw) {
        return PlateText.normalize(raw, false, "plate");
    }

    /** Whether the plate's jurisdiction is known. */
    public boolean hasKnownJurisdiction() {
        return jurisdiction.isKnown();
    }

    @Override
    public String toString() {
        return text + "/" + jurisdiction.code();
    }

    private static void validateNormalized(String text) {
        if (text == null) {
            throw new InvalidPlateException("plate text is missing (null)");
        }
        if (!PlateText.normalize(text, false, "plate").equals(text)) {
            throw new InvalidPlateException("plate '" + Jurisdiction.printable(text) + "' is not normalized; use Plate.of(raw, jurisdiction)");
        }
    }
}
