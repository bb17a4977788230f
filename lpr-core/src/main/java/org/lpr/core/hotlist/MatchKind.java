package org.lpr.core.hotlist;

/** How a read's characters matched a hot list entry. */
public enum MatchKind {
    /** Every character equal (or covered by a wildcard of a partial entry). */
    EXACT,
    /** Equal except for characters OCR confuses (0/O/D/Q, 1/I/L, 2/Z, 5/S, 6/G, 8/B, ...). */
    CONFUSABLE,
    /** One character inserted, deleted or substituted. */
    EDIT_DISTANCE_1
}
