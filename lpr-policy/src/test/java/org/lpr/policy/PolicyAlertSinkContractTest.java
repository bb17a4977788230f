package org.lpr.policy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.spi.AlertSink;
import org.lpr.core.spi.AlertSinkContract;
import org.lpr.policy.audit.AuditRecord;
import org.lpr.policy.audit.HashChainedAuditLog;

/**
 * The policy's alert sink keeps core's AlertSink contract: every alert the pipeline raises is tracked
 * once, in order, as the {@code ALERT_RAISED} records read back from the audit log file show.
 */
class PolicyAlertSinkContractTest extends AlertSinkContract {
    @TempDir
    Path dir;
    private PolicyFixture fixture;

    @Override
    protected AlertSink createSink() {
        fixture = new PolicyFixture(dir);
        return fixture.policy.alertSink();
    }

    @Override
    protected List<String> deliveredAlertIds() {
        try (HashChainedAuditLog reader = HashChainedAuditLog.open(dir.resolve("audit.jsonl"))) {
            return reader.read(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")).stream()
                    .map(AuditRecord::event)
                    .filter(e -> e.action().equals("ALERT_RAISED"))
                    .map(e -> e.reference())
                    .toList();
        }
    }

    @AfterEach
    void close() {
        if (fixture != null) {
            fixture.close();
        }
    }
}
