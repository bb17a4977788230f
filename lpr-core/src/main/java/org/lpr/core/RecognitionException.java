package org.lpr.core;

/** Thrown for a failure while detecting or recognizing plates in an image. */
public class RecognitionException extends LprException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the bad value and what was expected. */
    public RecognitionException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public RecognitionException(String message, Throwable cause) {
        super(message, cause);
    }
}
