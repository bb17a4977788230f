package org.lpr.flock;

import java.util.Objects;

/**
 * A custom hot list of the organization in Flock.
 *
 * @param id Flock's id of the list
 * @param name its name
 */
public record FlockHotList(String id, String name) {
    /** Validates the components. */
    public FlockHotList {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
