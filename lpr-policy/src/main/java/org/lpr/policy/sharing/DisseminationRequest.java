package org.lpr.policy.sharing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.lpr.policy.purpose.PurposeStatement;

/**
 * A request to give reads to a partner agency.
 *
 * @param readIds the reads to give
 * @param recipientOri the receiving agency's ORI
 * @param recipient the person or unit receiving them
 * @param purpose the purpose and reference of the dissemination
 * @param approvalId the approval a supervisor granted for this exact request; empty when none
 */
public record DisseminationRequest(
        @NotEmpty(message = "no read ids given to disseminate")
        @Size(max = 1_000, message = "at most 1000 reads per dissemination")
        List<@NotBlank(message = "read id must not be blank") String> readIds,
        @NotNull(message = "recipient ORI is missing")
        @Pattern(regexp = "[A-Z0-9]{9}", message = "recipient ORI '${validatedValue}' must be 9 characters [A-Z0-9]") String recipientOri,
        @NotNull(message = "recipient is missing")
        @Size(min = 3, max = 200, message = "recipient must name the receiving person or unit (3 to 200 characters)") String recipient,
        @NotNull(message = "purpose is missing") @Valid PurposeStatement purpose,
        @NotNull(message = "approval id is missing (use Optional.empty())") java.util.Optional<String> approvalId) {
}
