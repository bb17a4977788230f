package org.lpr.policy.access;

import java.util.EnumSet;
import java.util.Set;

/** A role a user holds; each role allows a fixed set of {@link Action actions}. */
public enum Role {
    /** Manages users, roles, training, sharing agreements, retention and audit (the order's designated administrator). */
    ADMINISTRATOR(EnumSet.of(Action.MANAGE_USERS, Action.MANAGE_AGREEMENTS, Action.RUN_RETENTION, Action.READ_AUDIT,
            Action.AUDIT_REPORT, Action.MANAGE_HOT_LIST)),
    /** Patrol officer: receives and verifies alerts, views reads, asks for custom hot list entries. */
    OFFICER(EnumSet.of(Action.VIEW_READ, Action.HISTORICAL_SEARCH, Action.VERIFY_ALERT, Action.REQUEST_HOT_LIST_ENTRY)),
    /** Investigator: historical searches, exports, evidentiary holds and dissemination to partners. */
    INVESTIGATOR(EnumSet.of(Action.VIEW_READ, Action.HISTORICAL_SEARCH, Action.EXPORT, Action.DISSEMINATE,
            Action.HOLD_EVIDENCE, Action.REQUEST_HOT_LIST_ENTRY, Action.VERIFY_ALERT)),
    /** Supervisor: everything an investigator does, plus approvals and hot list review. */
    SUPERVISOR(EnumSet.of(Action.VIEW_READ, Action.HISTORICAL_SEARCH, Action.EXPORT, Action.DISSEMINATE,
            Action.HOLD_EVIDENCE, Action.REQUEST_HOT_LIST_ENTRY, Action.VERIFY_ALERT, Action.APPROVE,
            Action.MANAGE_HOT_LIST)),
    /** Auditor: reads the audit log and produces audit reports; no access to reads. */
    AUDITOR(EnumSet.of(Action.READ_AUDIT, Action.AUDIT_REPORT)),
    /** A partner agency's user: historical searches and read views under a sharing agreement only. */
    PARTNER_AGENCY_USER(EnumSet.of(Action.HISTORICAL_SEARCH, Action.VIEW_READ));

    private final Set<Action> actions;

    Role(Set<Action> actions) {
        this.actions = Set.copyOf(actions);
    }

    /** The actions this role allows. */
    public Set<Action> actions() {
        return actions;
    }

    /** Whether this role allows {@code action}. */
    public boolean allows(Action action) {
        return actions.contains(action);
    }
}
