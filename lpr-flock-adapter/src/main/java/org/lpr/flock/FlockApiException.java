package org.lpr.flock;

import org.lpr.core.LprException;

/**
 * Thrown when a Flock API call fails: the message names the endpoint (method and path), the HTTP status
 * (0 when no response came) and Flock's error text, never a credential.
 */
public class FlockApiException extends LprException {
    private static final long serialVersionUID = 1L;

    private final String endpoint;
    private final int status;

    /** Creates the exception for {@code endpoint} (e.g. {@code "POST /hotlists"}) and {@code status}. */
    public FlockApiException(String endpoint, int status, String message) {
        super("Flock " + endpoint + (status > 0 ? " returned HTTP " + status : " failed") + ": " + message);
        this.endpoint = endpoint;
        this.status = status;
    }

    /** Creates the exception with the underlying cause. */
    public FlockApiException(String endpoint, int status, String message, Throwable cause) {
        super("Flock " + endpoint + (status > 0 ? " returned HTTP " + status : " failed") + ": " + message, cause);
        this.endpoint = endpoint;
        this.status = status;
    }

    /** The endpoint called, e.g. {@code "POST /hotlists/{id}/entries/addBatch"} with the id filled in. */
    public String endpoint() {
        return endpoint;
    }

    /** The HTTP status of the last response; 0 when none came (timeout, connection failure). */
    public int status() {
        return status;
    }
}
