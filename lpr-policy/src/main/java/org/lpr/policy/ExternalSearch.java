package org.lpr.policy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/**
 * A historical search to run in a system outside the SDK (a vendor's cloud such as Flock Safety), approved
 * and audited by {@link LprPolicy#authorizeExternalSearch} under the same rules as a search of stored reads.
 *
 * @param system the external system, as named in audit records and checked by its adapter (e.g. {@code "Flock Safety"})
 * @param search the query, purpose, partner agencies and approval, exactly as for {@link LprPolicy#search}
 */
public record ExternalSearch(
        @NotNull(message = "external system is missing")
        @Pattern(regexp = "[A-Za-z0-9][A-Za-z0-9 ._-]{1,63}", message = "external system '${validatedValue}' must be 2 to 64 letters, digits, spaces, '.', '_' or '-'")
        String system,
        @NotNull(message = "search is missing") @Valid SearchRequest search) {

    /** A search of {@code system} described by {@code search}. */
    public static ExternalSearch of(String system, SearchRequest search) {
        return new ExternalSearch(system, search);
    }

    /** A copy naming the approval {@code id} a supervisor granted for this exact request. */
    public ExternalSearch withApproval(String id) {
        return new ExternalSearch(system, search.withApproval(id));
    }
}
