package org.lpr.core.spi;

import org.lpr.core.hotlist.HotList;

/** Supplies a hot list: an NCIC extract, a Flock custom list, a partner agency's list, a file. */
public interface HotListSource {
    /** A short name of the source for logs and alerts. */
    String name();

    /**
     * Fetches the current version of the list.
     *
     * @throws org.lpr.core.HotListFormatException when what was fetched cannot be parsed at all
     * @throws org.lpr.core.LprException when the list cannot be fetched
     */
    HotList fetch();
}
