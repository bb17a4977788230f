package org.lpr.core;

/** Thrown for an image that cannot be decoded: empty, corrupt, not an image, or over the configured size limits. */
public class ImageDecodeException extends LprException {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message that names the bad value and what was expected. */
    public ImageDecodeException(String message) {
        super(message);
    }

    /** Creates the exception with a message and the underlying cause. */
    public ImageDecodeException(String message, Throwable cause) {
        super(message, cause);
    }
}
