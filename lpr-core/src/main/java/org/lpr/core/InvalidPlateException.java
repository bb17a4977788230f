package org.lpr.core;

/** Thrown for plate text or a plate pattern that cannot be normalized. */
public class InvalidPlateException extends LprException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the bad value and what was expected. */
    public InvalidPlateException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public InvalidPlateException(String message, Throwable cause) {
        super(message, cause);
    }
}
