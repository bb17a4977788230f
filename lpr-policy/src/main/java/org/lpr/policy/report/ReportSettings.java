package org.lpr.policy.report;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * What audit reports flag.
 *
 * @param zone the agency's time zone, for working hours
 * @param workStart start of working hours, inclusive
 * @param workEnd end of working hours, exclusive
 * @param highVolumePerDay a user making more searches than this in one day is flagged
 * @param samePlateUsers a plate searched by at least this many different users is flagged
 */
public record ReportSettings(ZoneId zone, LocalTime workStart, LocalTime workEnd, int highVolumePerDay, int samePlateUsers) {
    /** Validates the components. */
    public ReportSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(workStart, "workStart");
        Objects.requireNonNull(workEnd, "workEnd");
        if (!workStart.isBefore(workEnd)) {
            throw new IllegalArgumentException("working hours " + workStart + ".." + workEnd + " must start before they end");
        }
        if (highVolumePerDay < 1) {
            throw new IllegalArgumentException("high-volume threshold " + highVolumePerDay + " must be at least 1");
        }
        if (samePlateUsers < 2) {
            throw new IllegalArgumentException("same-plate threshold " + samePlateUsers + " must be at least 2 users");
        }
    }

    /** Central time, 07:00 to 19:00, more than 50 searches a day, a plate searched by 3 or more users. */
    public static ReportSettings standard() {
        return new ReportSettings(ZoneId.of("America/Chicago"), LocalTime.of(7, 0), LocalTime.of(19, 0), 50, 3);
    }
}
