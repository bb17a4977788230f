package org.lpr.policy.alert;

/** Whether a status confirmation through NCIC, dispatch or MDT is required before enforcement. */
public enum ConfirmationPolicy {
    /** Enforcement needs a confirmation that the entry is active; "not practical" is refused. */
    REQUIRED,
    /** Enforcement needs a confirmation or a recorded reason it was not practical (flagged in the audit log). */
    WHEN_PRACTICAL
}
