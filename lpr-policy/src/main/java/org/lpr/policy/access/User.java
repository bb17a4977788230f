package org.lpr.policy.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * A user of the LPR system as the administrator recorded them.
 *
 * @param id the user's id (badge or account name), 1 to 64 printable characters
 * @param name the user's full name
 * @param agencyOri the 9-character ORI of the user's agency
 * @param roles the roles the user holds
 * @param training the user's training records
 * @param active whether the account is enabled
 */
public record User(String id, String name, String agencyOri, Set<Role> roles, List<TrainingRecord> training, boolean active) {
    /** Validates the components. */
    public User {
        if (id == null || id.isBlank() || id.length() > 64 || id.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("user id must be 1 to 64 printable characters");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("user '" + id + "' needs a name");
        }
        if (agencyOri == null || !agencyOri.matches("[A-Z0-9]{9}")) {
            throw new IllegalArgumentException("agency ORI '" + agencyOri + "' of user '" + id + "' must be 9 characters [A-Z0-9]");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        training = List.copyOf(training);
    }

    /** Whether any of the user's roles allows {@code action}. */
    public boolean may(Action action) {
        return roles.stream().anyMatch(r -> r.allows(action));
    }

    /**
     * The topics the user's current training is missing at {@code now}; empty when training is complete.
     */
    public Set<TrainingTopic> missingTrainingAt(Instant now) {
        EnumSet<TrainingTopic> missing = EnumSet.allOf(TrainingTopic.class);
        for (TrainingRecord t : training) {
            if (t.isCurrentAt(now)) {
                missing.removeAll(t.topics());
            }
        }
        return missing;
    }

    /** A copy with {@code roles}. */
    public User withRoles(Set<Role> newRoles) {
        return new User(id, name, agencyOri, newRoles, training, active);
    }

    /** A copy with one more training record. */
    public User withTraining(TrainingRecord record) {
        List<TrainingRecord> all = new java.util.ArrayList<>(training);
        all.add(record);
        return new User(id, name, agencyOri, roles, all, active);
    }

    /** A copy that is enabled or disabled. */
    public User withActive(boolean enabled) {
        return new User(id, name, agencyOri, roles, training, enabled);
    }
}
