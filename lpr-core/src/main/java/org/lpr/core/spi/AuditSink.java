package org.lpr.core.spi;

import org.lpr.core.audit.AuditEvent;

/** Receives every audit event, in order, so agencies can ship them to their own systems. */
@FunctionalInterface
public interface AuditSink {
    /** Records one event; throws when it cannot, so the audited action can be refused. */
    void record(AuditEvent event);
}
