package org.lpr.flock;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.lpr.core.LprException;
import org.lpr.core.hotlist.HotList;
import org.lpr.core.hotlist.HotListEntry;
import org.lpr.core.spi.HotListSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flock custom hot list as a {@link HotListSource}: each fetch pages through the list's entries and
 * turns them into {@link org.lpr.core.hotlist.ListType#CUSTOM} entries for the SDK's matcher.
 * Entries whose plate or state the SDK cannot read are skipped and listed in {@link #lastSkipped()}.
 */
public final class FlockHotListSource implements HotListSource {
    private static final Logger LOG = LoggerFactory.getLogger(FlockHotListSource.class);

    private final FlockClient client;
    private final String hotListId;
    private final Clock clock;
    private final AtomicReference<List<String>> lastSkipped = new AtomicReference<>(List.of());

    private FlockHotListSource(FlockClient client, String hotListId, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.hotListId = FlockClient.seg(hotListId);
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The source of Flock custom list {@code hotListId}. */
    public static FlockHotListSource of(FlockClient client, String hotListId) {
        return new FlockHotListSource(client, hotListId, Clock.systemUTC());
    }

    /** The source of Flock custom list {@code hotListId}, stamping lists with {@code clock}. */
    public static FlockHotListSource of(FlockClient client, String hotListId, Clock clock) {
        return new FlockHotListSource(client, hotListId, clock);
    }

    @Override
    public String name() {
        return "flock:" + hotListId;
    }

    /**
     * Fetches the list's name and every entry.
     *
     * @throws LprException when Flock has no such list
     * @throws FlockApiException when Flock cannot be reached or answers with an error
     */
    @Override
    public HotList fetch() {
        Instant asOf = clock.instant();
        FlockHotList list = client.hotList(hotListId)
                .orElseThrow(() -> new LprException("Flock has no custom hot list with id " + hotListId));
        List<HotListEntry> entries = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        client.forEachEntry(hotListId, f -> {
            try {
                entries.add(FlockMapping.toCore(f, hotListId));
            } catch (LprException | IllegalArgumentException e) {
                skipped.add("entry " + f.id().orElse("(no id)") + ": " + e.getMessage());
            }
        });
        if (!skipped.isEmpty()) {
            LOG.warn("Flock hot list {} ({}): skipped {} entries the SDK cannot read; first: {}", hotListId, list.name(), skipped.size(), skipped.get(0));
        }
        lastSkipped.set(List.copyOf(skipped));
        return new HotList(list.name().isBlank() ? name() : list.name(), "flock:/hotlists/" + hotListId, asOf, entries);
    }

    /** Why entries were skipped in the last fetch, one line each. */
    public List<String> lastSkipped() {
        return lastSkipped.get();
    }

    @Override
    public String toString() {
        return "FlockHotListSource[" + hotListId + "]";
    }
}
