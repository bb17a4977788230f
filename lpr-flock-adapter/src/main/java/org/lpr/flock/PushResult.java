package org.lpr.flock;

import java.util.List;

/**
 * What a push of SDK hot list entries to a Flock custom list did.
 *
 * @param requested entries handed to the push
 * @param sent entries sent to Flock (after dropping duplicates and entries Flock cannot hold)
 * @param batches requests made to add them (more than {@code sent / 3000} when Flock answered 413 and batches were split)
 * @param created entries Flock reported as created; entries it already held are ignored by Flock and not counted
 * @param skipped why entries were not sent, one line each (partial plates, duplicates)
 */
public record PushResult(int requested, int sent, int batches, int created, List<String> skipped) {
    /** Copies the skipped reasons. */
    public PushResult {
        skipped = List.copyOf(skipped);
    }
}
