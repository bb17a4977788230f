package org.lpr.core.spi;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.lpr.core.read.PlateRead;

/**
 * Keeps reads for the retention period and answers historical searches. Implementations are
 * thread-safe. Access by users goes through lpr-policy, which audits it; this interface is the
 * storage underneath.
 */
public interface ReadStore extends AutoCloseable {
    /** Stores a batch of reads; when this returns they are durable. Ids already stored are ignored. */
    void saveAll(List<PlateRead> reads);

    /** The read with {@code id}, if stored. */
    Optional<PlateRead> find(String id);

    /** One page of reads matching {@code query}, newest first. */
    ReadPage search(ReadQuery query);

    /**
     * Places an evidentiary hold on reads, so purges keep them.
     *
     * @param readIds the reads to hold
     * @param holdReference the case, court order or preservation request the hold is for
     * @return how many of the reads were found and are now held
     */
    int hold(Collection<String> readIds, String holdReference);

    /** Releases every hold made under {@code holdReference}; returns how many reads it released. */
    int release(String holdReference);

    /** Deletes every read captured before {@code cutoff} that is not under an evidentiary hold; returns how many. */
    long purgeBefore(Instant cutoff);

    /** How many reads are stored. */
    long count();

    /** Releases connections; the default has none. */
    @Override
    default void close() {
    }
}
