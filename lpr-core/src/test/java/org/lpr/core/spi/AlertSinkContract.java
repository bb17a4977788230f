package org.lpr.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lpr.core.hotlist.Alert;
import org.lpr.core.hotlist.Hit;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.hotlist.ListType;
import org.lpr.core.hotlist.MatchKind;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Polygon;

/**
 * The contract every {@link AlertSink} keeps: every alert handed to it arrives, intact, once.
 * Implementations supply the sink and a way to see what arrived at its far end.
 */
public abstract class AlertSinkContract {
    /** A new sink under test. */
    protected abstract AlertSink createSink();

    /** The ids of alerts that arrived at the sink's far end so far, in arrival order. */
    protected abstract List<String> deliveredAlertIds();

    /** An alert for plate {@code text}. */
    protected static Alert alert(String id, String text) {
        PlateRead read = new PlateRead(PlateRead.newId(), Plate.of(text, Jurisdiction.MO), 0.97, 0.9,
                List.of(new Candidate(text, 0.97)), Polygon.rectangle(10, 10, 120, 40), Instant.parse("2026-01-01T12:00:00Z"),
                new Camera("cam-1", CameraKind.FIXED, "MO0920200"), java.util.Optional.empty(), List.of());
        HotListEntry entry = HotListEntry.of("e-" + id, text, Jurisdiction.MO, ListType.STOLEN_VEHICLE, "stolen 2026-01-01", "CR-26-001");
        return new Alert(id, read, List.of(new Hit(text, entry, MatchKind.EXACT, 1.0, true)), Instant.parse("2026-01-01T12:00:01Z"));
    }

    @Test
    void onAlert_deliversTheAlert() {
        AlertSink sink = createSink();
        sink.onAlert(alert("a-1", "ABC1234"));
        assertThat(deliveredAlertIds()).containsExactly("a-1");
    }

    @Test
    void onAlert_manyAlerts_arriveInOrder() {
        AlertSink sink = createSink();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ids.add("a-" + i);
            sink.onAlert(alert("a-" + i, "ABC" + (1000 + i)));
        }
        assertThat(deliveredAlertIds()).containsExactlyElementsOf(ids);
    }

    @Test
    void onAlert_fromSeveralThreads_losesNone() throws Exception {
        AlertSink sink = createSink();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 40; i++) {
            int n = i;
            pool.submit(() -> sink.onAlert(alert("t-" + n, "XYZ" + (1000 + n))));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(deliveredAlertIds()).hasSize(40).doesNotHaveDuplicates();
    }
}
