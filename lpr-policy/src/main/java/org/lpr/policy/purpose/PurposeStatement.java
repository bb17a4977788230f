package org.lpr.policy.purpose;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Optional;

/**
 * Why a user asks for LPR data: a purpose from the general order's list, the reference it is tied to,
 * and a short description (screened for protected characteristics and prohibited uses).
 *
 * @param purpose the purpose
 * @param reference the case, CAD, intelligence file or documented activity; empty when there is none
 * @param description what is being done, in the user's words
 */
public record PurposeStatement(
        @NotNull(message = "purpose is missing; expected one of the authorized purposes such as CRIMINAL_INVESTIGATION") Purpose purpose,
        @NotNull(message = "reference is missing (use Optional.empty() when there is none)") Optional<@Valid Reference> reference,
        @NotNull(message = "description is missing")
        @Size(min = 3, max = 500, message = "description must be 3 to 500 characters") String description) {

    /** A statement with a reference. */
    public static PurposeStatement of(Purpose purpose, Reference reference, String description) {
        return new PurposeStatement(purpose, Optional.ofNullable(reference), description);
    }

    /** A statement without a reference (allowed only where the agency's strictness flags rather than refuses it). */
    public static PurposeStatement withoutReference(Purpose purpose, String description) {
        return new PurposeStatement(purpose, Optional.empty(), description);
    }

    /** Whether a specific reference is given. */
    public boolean hasSpecificReference() {
        return reference != null && reference.isPresent() && reference.get().isSpecific();
    }

    /** The reference as audit text; empty when none. */
    public String referenceText() {
        return reference != null && reference.isPresent() ? reference.get().toString() : "";
    }
}
