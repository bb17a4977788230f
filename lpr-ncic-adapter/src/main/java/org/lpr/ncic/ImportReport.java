package org.lpr.ncic;

import java.util.List;

/**
 * The totals of one hot list file import.
 *
 * @param accepted lines turned into hot list entries
 * @param rejected lines rejected (malformed, no plate, invalid plate, state or date)
 * @param errors the first rejected lines with their reasons, in file order; at most the layout's error
 *     limit, so {@code errors.size()} can be smaller than {@code rejected}
 */
public record ImportReport(long accepted, long rejected, List<LineError> errors) {
    /** Validates the counts and copies the errors. */
    public ImportReport {
        errors = List.copyOf(errors);
        if (accepted < 0 || rejected < 0) {
            throw new IllegalArgumentException("import counts " + accepted + "/" + rejected + " must not be negative");
        }
        if (errors.size() > rejected) {
            throw new IllegalArgumentException(errors.size() + " line errors listed but only " + rejected + " lines rejected");
        }
    }

    /** Lines read as records: accepted plus rejected. */
    public long total() {
        return accepted + rejected;
    }

    /** How many rejected lines are counted but not listed in {@link #errors()}. */
    public long errorsOmitted() {
        return rejected - errors.size();
    }
}
