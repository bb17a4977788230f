package org.lpr.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.lpr.policy.purpose.PurposeStatement;

/**
 * A request to export reads out of the system (into a case file, for a prosecutor).
 *
 * @param readIds the reads to export
 * @param destination where the export goes
 * @param purpose the purpose and reference
 * @param approvalId the approval a supervisor granted for this exact request; empty when none
 */
public record ExportRequest(
        @NotEmpty(message = "no read ids given to export")
        @Size(max = 10_000, message = "at most 10000 reads per export")
        List<@NotBlank(message = "read id must not be blank") String> readIds,
        @NotNull(message = "destination is missing")
        @Size(min = 3, max = 200, message = "destination must say where the export goes (3 to 200 characters)") String destination,
        @NotNull(message = "purpose is missing") @Valid PurposeStatement purpose,
        @NotNull(message = "approval id is missing (use Optional.empty())") java.util.Optional<String> approvalId) {
}
