package org.lpr.policy.hotlist;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Optional;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.read.Jurisdiction;
import org.lpr.policy.purpose.PurposeStatement;

/**
 * An officer's request to put a plate on the agency's custom hot list.
 *
 * @param plate the plate, full or partial ({@code 7XK*4})
 * @param jurisdiction the state of issuance, or {@link Jurisdiction#UNKNOWN}
 * @param listType what the entry is for
 * @param reason why the plate should be on the list (documented in the system and screened)
 * @param purpose the purpose and the case, CAD or investigative reference
 * @param reviewBy when the entry must be reviewed next
 * @param expiresAt when the entry stops matching; empty for none
 */
public record CustomEntryRequest(
        @NotBlank(message = "plate is missing")
        @Pattern(regexp = "[A-Za-z0-9 .*?-]{1,14}", message = "plate '${validatedValue}' must be letters, digits, spaces, dashes and the wildcards * ?")
        String plate,
        @NotNull(message = "jurisdiction is missing; use UNKNOWN when the state is not known") Jurisdiction jurisdiction,
        @NotNull(message = "list type is missing") ListType listType,
        @NotNull(message = "reason is missing: the order requires the reason for the entry to be documented")
        @Size(min = 10, max = 1000, message = "reason must be 10 to 1000 characters: the order requires the reason for the entry to be documented")
        String reason,
        @NotNull(message = "purpose is missing") @Valid PurposeStatement purpose,
        @NotNull(message = "review date is missing: custom entries are reviewed periodically") Instant reviewBy,
        @NotNull(message = "expiry is missing (use Optional.empty() for none)") Optional<Instant> expiresAt,
        @Min(value = 1, message = "priority must be 1..9") @Max(value = 9, message = "priority must be 1..9") int priority) {
}
