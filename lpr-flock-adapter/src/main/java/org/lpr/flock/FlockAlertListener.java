package org.lpr.flock;

import org.lpr.core.spi.AlertSink;
import org.slf4j.LoggerFactory;

/** Receives each new Flock alert the webhook accepts, once per {@code objectId}. */
@FunctionalInterface
public interface FlockAlertListener {
    /**
     * Handles one alert; throwing makes the receiver answer 500 so Flock delivers it again.
     */
    void onAlert(FlockAlert alert);

    /**
     * A listener that hands SDK {@link org.lpr.core.hotlist.Alert}s to {@code sink}, for cameras of agency
     * {@code agencyOri}; alerts without plate characters or source lists are logged and dropped.
     */
    static FlockAlertListener toSink(AlertSink sink, String agencyOri) {
        return alert -> alert.toAlert(agencyOri).ifPresentOrElse(sink::onAlert,
                () -> LoggerFactory.getLogger(FlockAlertListener.class).warn(
                        "Flock alert {} has no plate characters or no source list; not passed on as an SDK alert", alert.objectId()));
    }
}
