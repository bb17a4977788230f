package org.lpr.policy;

import java.util.List;

/** Thrown for a request that is incomplete or malformed; {@link #problems()} lists every problem found at once. */
public class InvalidRequestException extends PolicyDeniedException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    /** Creates the exception listing every problem. */
    public InvalidRequestException(List<String> problems) {
        super(Rule.VALID_REQUEST, "request is invalid: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** Each problem as {@code "field: message"}, sorted. */
    public List<String> problems() {
        return problems;
    }
}
