package org.lpr.policy.sharing;

/** What a sharing agreement lets a partner agency do. */
public enum SharingScope {
    /** The partner's users may run historical searches over the agency's reads. */
    HISTORICAL_SEARCH,
    /** The partner's users may view single reads. */
    READ_VIEW,
    /** The agency may disseminate reads to the partner. */
    DISSEMINATION,
    /** The agency accepts hot lists from the partner. */
    HOT_LIST
}
