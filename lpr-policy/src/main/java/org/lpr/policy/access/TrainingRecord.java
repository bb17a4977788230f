package org.lpr.policy.access;

import java.time.Instant;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * A completed department-approved training course.
 *
 * @param course the course's name or catalogue number
 * @param topics the topics it covered
 * @param completedAt when the user completed it
 * @param expiresAt when it must be renewed
 */
public record TrainingRecord(String course, Set<TrainingTopic> topics, Instant completedAt, Instant expiresAt) {
    /** Validates the components. */
    public TrainingRecord {
        if (course == null || course.isBlank()) {
            throw new IllegalArgumentException("training course name must not be blank");
        }
        topics = Set.copyOf(topics);
        Objects.requireNonNull(completedAt, "completedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (!completedAt.isBefore(expiresAt)) {
            throw new IllegalArgumentException("training '" + course + "' expires at " + expiresAt + ", not after its completion " + completedAt);
        }
    }

    /** A course covering every topic the general order requires. */
    public static TrainingRecord fullCourse(String course, Instant completedAt, Instant expiresAt) {
        return new TrainingRecord(course, EnumSet.allOf(TrainingTopic.class), completedAt, expiresAt);
    }

    /** Whether the record is valid at {@code now}. */
    public boolean isCurrentAt(Instant now) {
        return !now.isBefore(completedAt) && now.isBefore(expiresAt);
    }
}
