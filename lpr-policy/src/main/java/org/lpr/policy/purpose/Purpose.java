package org.lpr.policy.purpose;

/**
 * Why LPR data is used. The authorized purposes are those the general order lists; the prohibited ones
 * are those it forbids, kept here so a request that names one is refused by name rather than lost as an
 * unknown value.
 */
public enum Purpose {
    /** A criminal investigation. */
    CRIMINAL_INVESTIGATION(Kind.AUTHORIZED, "criminal investigation"),
    /** Locating a stolen vehicle. */
    STOLEN_VEHICLE(Kind.AUTHORIZED, "locating stolen vehicles"),
    /** Locating a wanted person. */
    WANTED_PERSON(Kind.AUTHORIZED, "locating wanted persons"),
    /** Locating a missing or endangered person. */
    MISSING_ENDANGERED_PERSON(Kind.AUTHORIZED, "locating missing or endangered persons"),
    /** An AMBER alert. */
    AMBER_ALERT(Kind.AUTHORIZED, "AMBER alert"),
    /** A SILVER alert. */
    SILVER_ALERT(Kind.AUTHORIZED, "SILVER alert"),
    /** A BLUE alert. */
    BLUE_ALERT(Kind.AUTHORIZED, "BLUE alert"),
    /** Officer safety functions. */
    OFFICER_SAFETY(Kind.AUTHORIZED, "officer safety"),
    /** Investigative lead development. */
    INVESTIGATIVE_LEAD(Kind.AUTHORIZED, "investigative lead development"),
    /** Crime analysis. */
    CRIME_ANALYSIS(Kind.AUTHORIZED, "crime analysis"),
    /** Homeland security functions. */
    HOMELAND_SECURITY(Kind.AUTHORIZED, "homeland security"),
    /** Critical infrastructure protection. */
    CRITICAL_INFRASTRUCTURE(Kind.AUTHORIZED, "critical infrastructure protection"),
    /** Mutual aid operations. */
    MUTUAL_AID(Kind.AUTHORIZED, "mutual aid"),
    /** Emergency response. */
    EMERGENCY_RESPONSE(Kind.AUTHORIZED, "emergency response"),
    /** Civil immigration enforcement: some jurisdictions forbid sharing LPR data for it. */
    IMMIGRATION_ENFORCEMENT(Kind.RESTRICTED, "immigration enforcement"),
    /** Investigation of reproductive health care: some jurisdictions forbid sharing LPR data for it. */
    REPRODUCTIVE_HEALTH_CARE(Kind.RESTRICTED, "reproductive health care investigation"),
    /** Automated traffic citations: prohibited. */
    TRAFFIC_CITATION(Kind.PROHIBITED, "automated traffic citation"),
    /** Speed enforcement: prohibited. */
    SPEED_ENFORCEMENT(Kind.PROHIBITED, "speed enforcement"),
    /** Personal purposes: prohibited. */
    PERSONAL(Kind.PROHIBITED, "personal use"),
    /** Political purposes: prohibited. */
    POLITICAL(Kind.PROHIBITED, "political use"),
    /** Commercial purposes: prohibited. */
    COMMERCIAL(Kind.PROHIBITED, "commercial use"),
    /** Harassment or intimidation: prohibited. */
    HARASSMENT(Kind.PROHIBITED, "harassment or intimidation"),
    /** Any other non-official purpose: prohibited. */
    NON_OFFICIAL(Kind.PROHIBITED, "non-official use");

    /** Whether a purpose is authorized, restricted by some jurisdictions, or prohibited. */
    public enum Kind {
        /** Listed by the general order as an authorized use. */
        AUTHORIZED,
        /** A law enforcement use that some jurisdictions forbid sharing data for. */
        RESTRICTED,
        /** Forbidden by the general order. */
        PROHIBITED
    }

    private final Kind kind;
    private final String label;

    Purpose(Kind kind, String label) {
        this.kind = kind;
        this.label = label;
    }

    /** Whether the purpose is authorized, restricted or prohibited. */
    public Kind kind() {
        return kind;
    }

    /** The purpose in the general order's words. */
    public String label() {
        return label;
    }

    /** Whether the purpose is forbidden by the general order. */
    public boolean isProhibited() {
        return kind == Kind.PROHIBITED;
    }
}
