package org.lpr.core;

/** Thrown for a recognition or detection model that cannot be found or loaded. */
public class ModelLoadException extends LprException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the bad value and what was expected. */
    public ModelLoadException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ModelLoadException(String message, Throwable cause) {
        super(message, cause);
    }
}
