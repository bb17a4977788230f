package org.lpr.policy.purpose;

/**
 * How strictly a specific reference is required. The order says "whenever practical", so an agency may
 * allow a use without one and have it flagged for audit instead.
 */
public enum ReferenceStrictness {
    /** A use without a specific reference is refused. */
    REQUIRED,
    /** A use without a specific reference is allowed and flagged in the audit log and reports. */
    FLAGGED
}
