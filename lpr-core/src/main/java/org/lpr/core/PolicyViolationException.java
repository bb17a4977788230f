package org.lpr.core;

/** Thrown for a request refused by the agency's LPR policy; the message names the rule. */
public class PolicyViolationException extends LprException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the bad value and what was expected. */
    public PolicyViolationException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public PolicyViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}
