package org.lpr.policy.retention;

/** Why reads are kept past the retention period, as the general order lists the grounds. */
public enum HoldBasis {
    /** Evidentiary or investigative value to a criminal investigation. */
    CRIMINAL_INVESTIGATION,
    /** A prosecution. */
    PROSECUTION,
    /** A civil proceeding. */
    CIVIL_PROCEEDING,
    /** A lawful preservation request. */
    PRESERVATION_REQUEST,
    /** A court order. */
    COURT_ORDER
}
