package org.lpr.core.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.lpr.core.audit.AuditEvent;

/**
 * The contract every {@link AuditSink} keeps: every event recorded is kept whole, in order, none lost.
 * Implementations supply the sink and a way to read back what it stored.
 */
public abstract class AuditSinkContract {
    /** A new sink under test, over fresh storage. */
    protected abstract AuditSink createSink();

    /** Every event the sink has stored, read back from its storage, in recorded order. */
    protected abstract List<AuditEvent> storedEvents();

    /** An event with every field set. */
    protected static AuditEvent event(int n) {
        return new AuditEvent(Instant.parse("2026-03-01T10:00:00Z").plusSeconds(n), "officer-" + n, "MO0920200",
                "HISTORICAL_SEARCH", "STOLEN_VEHICLE", "CR-26-" + n, "plate=ABC" + n + " \"quoted\" ,comma", n,
                n % 2 == 0 ? AuditEvent.Outcome.ALLOWED : AuditEvent.Outcome.DENIED, n % 2 == 0 ? "" : "purpose-required");
    }

    @Test
    void record_keepsEveryField() {
        AuditSink sink = createSink();
        AuditEvent e = event(7);
        sink.record(e);
        assertThat(storedEvents()).containsExactly(e);
    }

    @Test
    void record_keepsOrder() {
        AuditSink sink = createSink();
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            events.add(event(i));
            sink.record(event(i));
        }
        assertThat(storedEvents()).containsExactlyElementsOf(events);
    }

    @Test
    void record_fromSeveralThreads_losesNone() throws Exception {
        AuditSink sink = createSink();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 100; i++) {
            int n = i;
            pool.submit(() -> sink.record(event(n)));
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        assertThat(storedEvents()).hasSize(100).doesNotHaveDuplicates();
    }
}
