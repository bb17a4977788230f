package org.lpr.policy.alert;

/**
 * Where an alert stands on its way to enforcement. An alert alone never allows enforcement: the officer
 * must record a visual verification (characters and state of issuance) and, where practical, a status
 * confirmation first.
 */
public enum AlertState {
    /** Raised by the matcher; not verified. Enforcement is refused. */
    RAISED,
    /** The officer saw the plate and it matches in characters and state; status not yet confirmed. */
    PLATE_VERIFIED,
    /** Verified and confirmed (or confirmation recorded as not practical): enforcement may proceed. */
    ENFORCEMENT_ALLOWED,
    /** Closed with a disposition; nothing more may be recorded. */
    CLOSED
}
