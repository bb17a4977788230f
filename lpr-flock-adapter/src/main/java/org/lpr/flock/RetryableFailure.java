package org.lpr.flock;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** A failed attempt worth another: HTTP 429 or 5xx, a timeout, a broken connection, a truncated body. */
final class RetryableFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final String endpoint;
    final int status;
    final String reason;
    final transient @Nullable Duration retryAfter;

    RetryableFailure(String endpoint, int status, String reason, @Nullable Duration retryAfter, @Nullable Throwable cause) {
        super(endpoint + " " + status + " " + reason, cause, false, false);
        this.endpoint = endpoint;
        this.status = status;
        this.reason = reason;
        this.retryAfter = retryAfter;
    }
}
