package org.lpr.core.read;

import java.util.Objects;

/**
 * An LPR camera: its id, how it is deployed and the ORI of the agency that owns it.
 *
 * @param id the camera's id, unique within the agency (1 to 64 printable characters)
 * @param kind fixed, mobile or portable
 * @param agencyOri the owning agency's 9-character NCIC Originating Agency Identifier, e.g. {@code MO0920200}
 */
public record Camera(String id, CameraKind kind, String agencyOri) {
    /** Validates every component. */
    public Camera {
        Objects.requireNonNull(kind, "kind");
        if (id == null || id.isBlank() || id.length() > 64 || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("camera id '" + (id == null ? "null" : Jurisdiction.printable(id))
                    + "' must be 1 to 64 printable characters");
        }
        if (agencyOri == null || !agencyOri.matches("[A-Z0-9]{9}")) {
            throw new IllegalArgumentException("agency ORI '" + (agencyOri == null ? "null" : Jurisdiction.printable(agencyOri))
                    + "' must be 9 characters [A-Z0-9], e.g. MO0920200");
        }
    }
}
