package org.lpr.policy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.lpr.core.audit.AuditEvent;
import org.lpr.core.spi.AuditSink;
import org.lpr.policy.access.SecurityIncident;
import org.lpr.policy.access.SecurityIncidentSink;
import org.lpr.policy.audit.AuditAction;
import org.lpr.policy.audit.HashChainedAuditLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes every event to the hash-chained log and then to the agency's own sinks, counts denials per
 * user, and raises security incidents to administrators.
 */
final class AuditTrail {
    private static final Logger LOG = LoggerFactory.getLogger(AuditTrail.class);
    static final String SYSTEM = "system";

    private final HashChainedAuditLog log;
    private final List<AuditSink> sinks;
    private final List<SecurityIncidentSink> incidentSinks;
    private final Clock clock;
    private final int denialThreshold;
    private final Duration denialWindow;
    private final Map<String, Deque<Instant>> denials = new HashMap<>();

    AuditTrail(HashChainedAuditLog log, List<AuditSink> sinks, List<SecurityIncidentSink> incidentSinks, Clock clock,
            int denialThreshold, Duration denialWindow) {
        this.log = log;
        this.sinks = List.copyOf(sinks);
        this.incidentSinks = List.copyOf(incidentSinks);
        this.clock = clock;
        this.denialThreshold = denialThreshold;
        this.denialWindow = denialWindow;
    }

    HashChainedAuditLog log() {
        return log;
    }

    /** Records an event in the chain and every sink; throws when any cannot record it, so the action is refused. */
    synchronized void record(AuditEvent e) {
        log.record(e);
        for (AuditSink s : sinks) {
            s.record(e);
        }
    }

    synchronized void record(String userId, String agencyOri, AuditAction action, String purpose, String reference, String query,
            long count, AuditEvent.Outcome outcome, String rule) {
        record(new AuditEvent(clock.instant(), userId, agencyOri, action.name(), purpose, reference, query, count, outcome, rule));
    }

    /** Records a denial and raises a repeated-denials incident when the user crosses the threshold. */
    synchronized void denied(String userId, String agencyOri, AuditAction action, String purpose, String reference, String query,
            Rule rule, boolean countsAsDenial) {
        record(userId, agencyOri, action, purpose, reference, query, 0, AuditEvent.Outcome.DENIED, rule.name());
        if (!countsAsDenial) {
            return;
        }
        Instant now = clock.instant();
        Deque<Instant> q = denials.computeIfAbsent(userId, k -> new ArrayDeque<>());
        q.addLast(now);
        while (!q.isEmpty() && q.peekFirst().isBefore(now.minus(denialWindow))) {
            q.removeFirst();
        }
        if (q.size() >= denialThreshold) {
            q.clear();
            incident(SecurityIncident.Kind.REPEATED_DENIALS, userId, agencyOri,
                    denialThreshold + " or more refusals within " + denialWindow.toMinutes() + " minutes; last refused by " + rule.name());
        }
    }

    /** Raises a security incident: recorded in the chain and sent to every incident sink. */
    synchronized void incident(SecurityIncident.Kind kind, String userId, String agencyOri, String detail) {
        SecurityIncident incident = new SecurityIncident(clock.instant(), kind, userId, agencyOri, detail);
        try {
            record(userId, agencyOri, AuditAction.SECURITY_INCIDENT, "", "", detail, 0, AuditEvent.Outcome.FLAGGED, kind.name());
        } catch (RuntimeException e) {
            LOG.error("cannot audit security incident {}: {}", kind, e.toString());
        }
        for (SecurityIncidentSink s : incidentSinks) {
            try {
                s.onIncident(incident);
            } catch (RuntimeException e) {
                LOG.error("security incident sink {} failed on {}: {}", s, kind, e.toString());
            }
        }
    }
}
