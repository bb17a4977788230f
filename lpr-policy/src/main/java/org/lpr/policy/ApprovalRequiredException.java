package org.lpr.policy;

import java.util.List;

/**
 * Thrown when a request needs a supervisor's approval before it runs (a wide search, a search centred on
 * a sensitive place, free text held for review). A supervisor approves {@link #approvalId()} with
 * {@link LprPolicy#approve}; the requester then repeats the same request naming that approval.
 */
public class ApprovalRequiredException extends PolicyDeniedException {
    private static final long serialVersionUID = 1L;

    private final String approvalId;
    private final List<String> reasons;

    /** Creates the exception for the pending approval {@code approvalId} and the reasons it is needed. */
    public ApprovalRequiredException(Rule rule, String approvalId, List<String> reasons) {
        super(rule, "supervisor approval " + approvalId + " is needed before this runs: " + String.join("; ", reasons));
        this.approvalId = approvalId;
        this.reasons = List.copyOf(reasons);
    }

    /** The id of the pending approval a supervisor must grant. */
    public String approvalId() {
        return approvalId;
    }

    /** Why approval is needed, one line per reason. */
    public List<String> reasons() {
        return reasons;
    }
}
