package org.lpr.ncic;

import java.util.Objects;

/**
 * A rejected line of a hot list file.
 *
 * @param line the 1-based line number in the file where the rejected record starts
 * @param reason why it was rejected, naming the bad value and what was expected
 */
public record LineError(long line, String reason) {
    /** Validates the components. */
    public LineError {
        Objects.requireNonNull(reason, "reason");
        if (line < 1) {
            throw new IllegalArgumentException("line number " + line + " must be at least 1");
        }
    }
}
