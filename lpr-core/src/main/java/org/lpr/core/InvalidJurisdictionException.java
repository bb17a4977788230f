package org.lpr.core;

/** Thrown for a jurisdiction (state, province, territory) that cannot be parsed. */
public class InvalidJurisdictionException extends LprException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the bad value and what was expected. */
    public InvalidJurisdictionException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public InvalidJurisdictionException(String message, Throwable cause) {
        super(message, cause);
    }
}
