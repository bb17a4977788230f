package org.lpr.policy.retention;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.lpr.policy.purpose.Reference;

/**
 * A request to keep reads past the retention period.
 *
 * @param readIds the reads to keep
 * @param basis the ground: criminal investigation, prosecution, civil proceeding, preservation request or court order
 * @param reference the case, docket, order or request number the hold is for; it names the hold
 * @param reason why the reads have evidentiary value
 */
public record HoldRequest(
        @NotEmpty(message = "no read ids given to hold")
        @Size(max = 10_000, message = "at most 10000 reads per hold request")
        List<@NotBlank(message = "read id must not be blank") String> readIds,
        @NotNull(message = "hold basis is missing; expected CRIMINAL_INVESTIGATION, PROSECUTION, CIVIL_PROCEEDING, PRESERVATION_REQUEST or COURT_ORDER") HoldBasis basis,
        @NotNull(message = "hold reference is missing: a hold is made under a case, docket, order or request number") @Valid Reference reference,
        @NotNull(message = "hold reason is missing")
        @Size(min = 10, max = 1000, message = "hold reason must be 10 to 1000 characters") String reason) {
}
