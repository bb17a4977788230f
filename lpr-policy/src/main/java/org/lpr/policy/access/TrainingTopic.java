package org.lpr.policy.access;

/** A topic the department-approved training must cover, as the Administration section lists them. */
public enum TrainingTopic {
    /** Operational procedures. */
    OPERATIONAL_PROCEDURES,
    /** Legal considerations. */
    LEGAL_CONSIDERATIONS,
    /** Privacy protections. */
    PRIVACY_PROTECTIONS,
    /** Constitutional considerations. */
    CONSTITUTIONAL_CONSIDERATIONS,
    /** Data retention requirements. */
    DATA_RETENTION,
    /** System security. */
    SYSTEM_SECURITY
}
