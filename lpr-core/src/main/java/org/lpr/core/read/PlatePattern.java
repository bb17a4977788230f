package org.lpr.core.read;

/**
 * A plate as a witness or an investigator gives it: normalized characters where {@code ?} stands for
 * exactly one unknown character and {@code *} for any run of characters (including none), as in
 * {@code 7XK*4}. A pattern without wildcards is a full plate.
 *
 * @param text normalized pattern, {@code [A-Z0-9*?]}, 1 to {@value Plate#MAX_LENGTH} characters
 */
public record PlatePattern(String text) {
    /** Validates that {@code text} is a normalized pattern. */
    public PlatePattern {
        if (text == null || !PlateText.normalize(text, true, "plate pattern").equals(text)) {
            throw new org.lpr.core.InvalidPlateException("plate pattern '" + (text == null ? "null" : Jurisdiction.printable(text))
                    + "' is not normalized; use PlatePattern.of(raw)");
        }
    }

    /** Normalizes {@code raw} like {@link Plate#normalize(String)}, keeping {@code *} and {@code ?}. */
    public static PlatePattern of(String raw) {
        return new PlatePattern(PlateText.normalize(raw, true, "plate pattern"));
    }

    /** Whether the pattern holds {@code *} or {@code ?}. */
    public boolean isPartial() {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0;
    }

    /** Whether {@code plateText} (normalized) matches this pattern. */
    public boolean matches(String plateText) {
        return matches(text, 0, plateText, 0);
    }

    private static boolean matches(String p, int pi, String s, int si) {
        while (pi < p.length()) {
            char c = p.charAt(pi);
            if (c == '*') {
                for (int k = si; k <= s.length(); k++) {
                    if (matches(p, pi + 1, s, k)) {
                        return true;
                    }
                }
                return false;
            }
            if (si >= s.length() || (c != '?' && c != s.charAt(si))) {
                return false;
            }
            pi++;
            si++;
        }
        return si == s.length();
    }

    @Override
    public String toString() {
        return text;
    }
}
