package org.lpr.core.read;

import org.lpr.core.InvalidPlateException;

/** Normalization shared by plates and plate patterns. */
final class PlateText {
    /** Longest raw input looked at; longer input is rejected before any other work. */
    static final int MAX_RAW_LENGTH = 32;

    private PlateText() {
    }

    static String normalize(String raw, boolean wildcards, String what) {
        if (raw == null) {
            throw new InvalidPlateException(what + " text is missing (null)");
        }
        if (raw.length() > MAX_RAW_LENGTH) {
            throw new InvalidPlateException(what + " '" + Jurisdiction.printable(raw.substring(0, 16)) + "...' is " + raw.length()
                    + " characters long; expected at most " + Plate.MAX_LENGTH + " plate characters");
        }
        StringBuilder b = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c >= 'a' && c <= 'z') {
                b.append((char) (c - 32));
            } else if ((c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
                b.append(c);
            } else if (c == ' ' || c == '-' || c == '.') {
                // separators printed on plates, dropped
            } else if (wildcards && (c == '*' || c == '?')) {
                b.append(c);
            } else {
                String shown = Character.isISOControl(c) || Character.isWhitespace(c)
                        ? String.format("U+%04X", (int) c) : "'" + c + "'";
                throw new InvalidPlateException(what + " '" + Jurisdiction.printable(raw) + "' has a character " + shown
                        + " outside [A-Z0-9" + (wildcards ? "*?" : "") + "] at index " + i);
            }
        }
        if (b.length() == 0) {
            throw new InvalidPlateException(what + " '" + Jurisdiction.printable(raw) + "' is empty after removing spaces, dashes and dots");
        }
        if (b.length() > Plate.MAX_LENGTH) {
            throw new InvalidPlateException(what + " '" + Jurisdiction.printable(raw) + "' has " + b.length()
                    + " characters; expected at most " + Plate.MAX_LENGTH);
        }
        return b.toString();
    }
}
