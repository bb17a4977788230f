package org.lpr.ncic;

import org.lpr.core.hotlist.HotList;

/**
 * Hears how scheduled hot list refreshes go. A failure is an incident to raise to whoever keeps the
 * hot lists: matching goes on with the last good list, which grows older.
 */
public interface RefreshListener {
    /** A new list was fetched and swapped in. */
    default void refreshed(HotList list) {
    }

    /** A refresh failed; the last good list (if any) stays in use. */
    void refreshFailed(RefreshFailure failure);
}
