package org.lpr.core.hotlist;

/** What a hot list is for, as the general order's definition of a hot list names them. */
public enum ListType {
    /** NCIC stolen vehicle file. */
    STOLEN_VEHICLE(2),
    /** NCIC license plate file: stolen plates. */
    STOLEN_PLATE(3),
    /** Vehicles associated with wanted persons. */
    WANTED_PERSON(2),
    /** AMBER alert: abducted child. */
    AMBER_ALERT(1),
    /** SILVER alert: missing senior or impaired adult. */
    SILVER_ALERT(1),
    /** BLUE alert: a law enforcement officer killed or seriously injured. */
    BLUE_ALERT(1),
    /** Missing or endangered persons. */
    MISSING_ENDANGERED(1),
    /** Vehicles of interest in a criminal investigation. */
    CRIMINAL_INVESTIGATION(3),
    /** Officer safety notifications (armed and dangerous, protection order respondents). */
    OFFICER_SAFETY(2),
    /** A custom list an agency maintains, entered by officers with a documented reason. */
    CUSTOM(4);

    private final int defaultPriority;

    ListType(int defaultPriority) {
        this.defaultPriority = defaultPriority;
    }

    /** The priority given to entries of this type when none is set: 1 is the most urgent. */
    public int defaultPriority() {
        return defaultPriority;
    }
}
