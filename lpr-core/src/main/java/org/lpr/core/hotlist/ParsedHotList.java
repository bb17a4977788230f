package org.lpr.core.hotlist;

import java.util.List;
import java.util.Objects;
import org.lpr.core.HotListFormatException;

/**
 * A hot list parsed from a file: the entries of its good lines, and one problem per bad line.
 *
 * @param list the list of every well-formed entry
 * @param problems the bad lines, each naming its line number, in file order
 */
public record ParsedHotList(HotList list, List<HotListFormatException> problems) {
    /** Validates and copies the components. */
    public ParsedHotList {
        Objects.requireNonNull(list, "list");
        problems = List.copyOf(problems);
    }
}
