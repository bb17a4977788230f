package org.lpr.policy.audit;

/** The actions lpr-policy writes to the audit log, as {@link org.lpr.core.audit.AuditEvent#action()} names them. */
public enum AuditAction {
    /** A successful log-in (CJIS 5.4.1.1). */
    LOGIN,
    /** A failed log-in (CJIS 5.4.1.1). */
    LOGIN_FAILED,
    /** A log-out or session end. */
    LOGOUT,
    /** A user added, disabled, or given or stripped of a role (CJIS 5.4.1.1 privilege change). */
    PRIVILEGE_CHANGE,
    /** A training record added. */
    TRAINING_RECORDED,
    /** A historical search of stored reads. */
    HISTORICAL_SEARCH,
    /** A historical search of an external system (e.g. Flock Safety) approved or refused; its grant id is in the query. */
    EXTERNAL_SEARCH,
    /** Results (a count per page) or a failure an external system's adapter reported for an approved search. */
    EXTERNAL_SEARCH_RESULT,
    /** A view of one stored read. */
    READ_VIEW,
    /** Reads exported out of the system. */
    EXPORT,
    /** Reads given to another agency. */
    DISSEMINATION,
    /** An approval asked for. */
    APPROVAL_REQUESTED,
    /** An approval granted by a supervisor. */
    APPROVAL_GRANTED,
    /** A custom hot list entry requested. */
    HOT_LIST_ADD,
    /** A custom hot list entry approved. */
    HOT_LIST_APPROVE,
    /** A custom hot list entry reviewed and kept. */
    HOT_LIST_REVIEW,
    /** A custom hot list entry removed. */
    HOT_LIST_REMOVE,
    /** A custom hot list read by a user or exported to the matcher. */
    HOT_LIST_READ,
    /** A partner agency's hot list accepted or refused. */
    HOT_LIST_PARTNER,
    /** An alert raised by the matcher. */
    ALERT_RAISED,
    /** A visual verification of an alert recorded. */
    ALERT_VERIFIED,
    /** A status confirmation (NCIC, dispatch, MDT) of an alert recorded. */
    ALERT_CONFIRMED,
    /** Enforcement on an alert asked for. */
    ALERT_ENFORCEMENT,
    /** A disposition of an alert recorded. */
    ALERT_DISPOSITION,
    /** An evidentiary hold placed. */
    HOLD,
    /** An evidentiary hold released. */
    HOLD_RELEASE,
    /** A retention purge of stored reads. */
    PURGE,
    /** A sharing agreement recorded or ended. */
    AGREEMENT_CHANGE,
    /** Audit records read (CJIS 5.4.1.1: access to the audit log is itself audited). */
    AUDIT_READ,
    /** An audit report produced. */
    AUDIT_REPORT,
    /** A public transparency report produced. */
    TRANSPARENCY_REPORT,
    /** The audit chain verified. */
    AUDIT_VERIFY,
    /** A security incident raised to administrators. */
    SECURITY_INCIDENT
}
