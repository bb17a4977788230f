package org.lpr.policy.access;

/** Something a user can do through lpr-policy; roles allow actions. */
public enum Action {
    /** Search stored reads after they were captured. */
    HISTORICAL_SEARCH,
    /** View one stored read. */
    VIEW_READ,
    /** Export reads out of the system (for a case file, a court). */
    EXPORT,
    /** Give reads to another agency. */
    DISSEMINATE,
    /** Place or release an evidentiary hold. */
    HOLD_EVIDENCE,
    /** Ask for a custom hot list entry. */
    REQUEST_HOT_LIST_ENTRY,
    /** Approve, review and remove custom hot list entries; accept partner hot lists. */
    MANAGE_HOT_LIST,
    /** Record verification, confirmation and disposition of alerts. */
    VERIFY_ALERT,
    /** Approve another user's wide search, sensitive-place search or held request (the second person). */
    APPROVE,
    /** Add users, change roles, record training. */
    MANAGE_USERS,
    /** Record and end information-sharing agreements. */
    MANAGE_AGREEMENTS,
    /** Run the retention purge and audit log pruning. */
    RUN_RETENTION,
    /** Read audit records. */
    READ_AUDIT,
    /** Produce audit and transparency reports. */
    AUDIT_REPORT
}
