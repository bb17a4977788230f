package org.lpr.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.Optional;
import org.lpr.policy.purpose.PurposeStatement;

/**
 * A request to view one stored read.
 *
 * @param readId the read's id
 * @param purpose the purpose, reference and description
 * @param approvalId the approval a supervisor granted for this exact request; empty when none
 */
public record ViewRequest(
        @NotBlank(message = "read id is missing") String readId,
        @NotNull(message = "purpose is missing") @Valid PurposeStatement purpose,
        @NotNull(message = "approval id is missing (use Optional.empty())") Optional<String> approvalId) {

    /** A view without an approval. */
    public static ViewRequest of(String readId, PurposeStatement purpose) {
        return new ViewRequest(readId, purpose, Optional.empty());
    }
}
