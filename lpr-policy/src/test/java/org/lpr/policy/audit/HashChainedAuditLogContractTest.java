package org.lpr.policy.audit;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.audit.AuditEvent;
import org.lpr.core.spi.AuditSink;
import org.lpr.core.spi.AuditSinkContract;

/** The hash-chained log keeps core's AuditSink contract, read back from its file. */
class HashChainedAuditLogContractTest extends AuditSinkContract {
    @TempDir
    Path dir;
    private HashChainedAuditLog log;

    @Override
    protected AuditSink createSink() {
        log = HashChainedAuditLog.open(dir.resolve("audit.jsonl"));
        return log;
    }

    @Override
    protected List<AuditEvent> storedEvents() {
        try (HashChainedAuditLog reader = HashChainedAuditLog.open(dir.resolve("audit.jsonl"))) {
            return reader.read(Instant.EPOCH, Instant.parse("9999-01-01T00:00:00Z")).stream().map(AuditRecord::event).toList();
        }
    }

    @AfterEach
    void close() {
        if (log != null) {
            log.close();
        }
    }
}
