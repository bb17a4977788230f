package org.lpr.synth;

import java.util.Objects;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;

/**
 * What to render: the plate (its characters and state), how the serial is printed, and the seed
 * that fixes every random choice of the rendering.
 *
 * @param plate the plate whose characters make the serial
 * @param printed the serial as printed: the plate's characters in order, optionally with separators
 *     ({@code ' '}, {@code '-'}, {@code '.'}) and {@code '*'} for an emblem between groups
 * @param seed fixes layout, fonts, distractors and photo effects
 */
public record PlateSpec(Plate plate, String printed, long seed) {
    /** Checks that {@code printed} holds exactly the plate's characters plus separators. */
    public PlateSpec {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(printed, "printed");
        StringBuilder chars = new StringBuilder();
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                chars.append(c);
            } else if (c != ' ' && c != '-' && c != '.' && c != '*') {
                throw new IllegalArgumentException("printed serial '" + printed + "' has '" + c + "' at index " + i
                        + "; expected [A-Z0-9] and the separators ' ', '-', '.', '*'");
            }
        }
        if (!chars.toString().equals(plate.text())) {
            throw new IllegalArgumentException("printed serial '" + printed + "' does not spell plate " + plate.text());
        }
    }

    /** A spec printing the plate's characters without separators. */
    public static PlateSpec of(Plate plate, long seed) {
        return new PlateSpec(plate, plate.text(), seed);
    }

    /** A spec for {@code text} (normalized by {@link Plate#of(String, Jurisdiction)}) printed as given. */
    public static PlateSpec of(String printed, Jurisdiction jurisdiction, long seed) {
        return new PlateSpec(Plate.of(printed.replace("*", ""), jurisdiction), printed.toUpperCase(java.util.Locale.ROOT), seed);
    }
}
