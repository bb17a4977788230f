package org.lpr.core;

/** Thrown for a failure of a read store (database unreachable, schema mismatch, constraint violation). */
public class StoreException extends LprException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the bad value and what was expected. */
    public StoreException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
