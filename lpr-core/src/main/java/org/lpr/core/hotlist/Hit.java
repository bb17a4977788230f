package org.lpr.core.hotlist;

import java.util.Objects;

/**
 * A match of one reading of a read against one hot list entry. A hit is not yet verified: the
 * officer must visually verify the plate and its state before acting on it.
 *
 * @param readText the reading (best or alternative candidate) that matched
 * @param entry the matched entry
 * @param match how it matched
 * @param score 0 to 1: 1 for an exact match of the best reading, lower for tolerant matches and alternatives
 * @param stateVerified false when the read's state is unknown and so could not be compared with the entry's
 */
public record Hit(String readText, HotListEntry entry, MatchKind match, double score, boolean stateVerified) {
    /** Validates the components. */
    public Hit {
        Objects.requireNonNull(readText, "readText");
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(match, "match");
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("hit score " + score + " is outside [0, 1]");
        }
    }
}
