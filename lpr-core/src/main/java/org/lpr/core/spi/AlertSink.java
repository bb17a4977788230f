package org.lpr.core.spi;

import org.lpr.core.hotlist.Alert;

/** Receives alerts as they are raised (an MDT, a dispatch system, a message queue). */
@FunctionalInterface
public interface AlertSink {
    /** Delivers one alert; a failure is logged by the caller and does not stop other sinks. */
    void onAlert(Alert alert);
}
