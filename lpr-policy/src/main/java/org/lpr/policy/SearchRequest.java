package org.lpr.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.util.Optional;
import java.util.Set;
import org.lpr.core.spi.ReadQuery;
import org.lpr.policy.purpose.PurposeStatement;

/**
 * A historical search: the query, why it is run, whose data it covers, and the supervisor's approval when
 * one is needed.
 *
 * @param query the search over stored reads
 * @param purpose the purpose, reference and description
 * @param partnerAgencies ORIs of partner agencies whose reads to include besides the agency's own; empty for none
 * @param approvalId the approval a supervisor granted for this exact request; empty when none
 */
public record SearchRequest(
        @NotNull(message = "query is missing") ReadQuery query,
        @NotNull(message = "purpose is missing") @Valid PurposeStatement purpose,
        @NotNull(message = "partner agencies are missing (use an empty set)")
        Set<@Pattern(regexp = "[A-Z0-9]{9}", message = "partner agency ORI '${validatedValue}' must be 9 characters [A-Z0-9]") String> partnerAgencies,
        @NotNull(message = "approval id is missing (use Optional.empty())") Optional<String> approvalId) {

    /** A search of the agency's own reads without an approval. */
    public static SearchRequest of(ReadQuery query, PurposeStatement purpose) {
        return new SearchRequest(query, purpose, Set.of(), Optional.empty());
    }

    /** A copy naming the approval {@code id}. */
    public SearchRequest withApproval(String id) {
        return new SearchRequest(query, purpose, partnerAgencies, Optional.of(id));
    }

    /** A copy that also covers the reads of {@code oris}. */
    public SearchRequest includingPartners(Set<String> oris) {
        return new SearchRequest(query, purpose, oris, approvalId);
    }
}
