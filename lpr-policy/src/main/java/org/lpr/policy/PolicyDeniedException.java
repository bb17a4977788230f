package org.lpr.policy;

import java.util.Objects;
import org.lpr.core.PolicyViolationException;

/** Thrown when lpr-policy refuses a request; {@link #rule()} names the rule of the general order that refused it. */
public class PolicyDeniedException extends PolicyViolationException {
    private static final long serialVersionUID = 1L;

    private final Rule rule;

    /** Creates the exception for {@code rule}; the message is prefixed with the rule's id. */
    public PolicyDeniedException(Rule rule, String message) {
        super("[" + Objects.requireNonNull(rule, "rule").name() + "] " + message);
        this.rule = rule;
    }

    /** The rule that refused the request. */
    public Rule rule() {
        return rule;
    }
}
