package org.lpr.policy.access;

/**
 * Receives security incidents for the LPR administrators (a pager, an e-mail gateway, a SIEM).
 *
 * <p>Core's {@link org.lpr.core.spi.AlertSink} carries hot list alerts (a read and its hits); an incident
 * has neither, so it has its own sink. A failing sink is logged and does not stop the policy.
 */
@FunctionalInterface
public interface SecurityIncidentSink {
    /** Delivers one incident. */
    void onIncident(SecurityIncident incident);
}
