package org.lpr.core.pipeline;

import java.util.List;
import org.lpr.core.hotlist.Alert;
import org.lpr.core.read.PlateRead;

/**
 * What the pipeline made of one image.
 *
 * @param reads every plate read, most confident first
 * @param alerts the alerts raised for those reads
 * @param detectMillis time spent finding plates
 * @param recognizeMillis time spent reading them
 */
public record LprResult(List<PlateRead> reads, List<Alert> alerts, double detectMillis, double recognizeMillis) {
    /** Copies the lists. */
    public LprResult {
        reads = List.copyOf(reads);
        alerts = List.copyOf(alerts);
    }
}
