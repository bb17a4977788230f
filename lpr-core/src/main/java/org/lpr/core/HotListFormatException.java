package org.lpr.core;

/** Thrown for a hot list line or file that is malformed. */
public class HotListFormatException extends LprException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the bad value and what was expected. */
    public HotListFormatException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public HotListFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
