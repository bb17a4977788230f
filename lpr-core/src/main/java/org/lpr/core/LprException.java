package org.lpr.core;

/**
 * The root of every exception the SDK throws; unchecked, with subclasses that name the failure.
 *
 * <p>Messages name the bad value and what was expected, for example
 * {@code "plate 'AB#12' has a character outside [A-Z0-9] at index 2"}.
 */
public class LprException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that names the problem. */
    public LprException(String message) {
        super(message);
    }

    /** Creates an exception with a message and the underlying cause. */
    public LprException(String message, Throwable cause) {
        super(message, cause);
    }
}
