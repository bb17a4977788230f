package org.lpr.policy.report;

/** What an audit report flags for an auditor to look at. */
public enum ReportFlag {
    /** A search, view, export or dissemination without a specific case, CAD or activity reference. */
    SEARCH_WITHOUT_REFERENCE,
    /** A user who searched more than the daily threshold. */
    HIGH_VOLUME_USER,
    /** A plate searched by many different users. */
    PLATE_SEARCHED_BY_MANY_USERS,
    /** A search outside working hours. */
    OUTSIDE_WORKING_HOURS,
    /** A search whose area reached a sensitive place. */
    SENSITIVE_PLACE_SEARCH,
    /** A request the policy refused. */
    DENIED_REQUEST,
    /** A security incident raised to administrators. */
    SECURITY_INCIDENT
}
