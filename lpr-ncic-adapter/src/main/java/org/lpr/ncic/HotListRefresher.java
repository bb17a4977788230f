package org.lpr.ncic;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.lpr.core.hotlist.HotList;
import org.lpr.core.spi.HotListSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches a hot list on a schedule and hands each good version to the matcher, which swaps it in
 * atomically; a failed download or parse keeps the last good list and raises a {@link RefreshFailure}.
 *
 * <pre>{@code
 * HotListRefresher refresher = HotListRefresher.builder()
 *         .source(ncic)                         // any HotListSource, e.g. an NcicFileSource
 *         .target(matcherEngine::replace)       // the matcher's atomic swap
 *         .interval(Duration.ofHours(4))
 *         .listener(failure -> incidents.raise(failure.reason()))
 *         .build();
 * refresher.start();
 * }</pre>
 *
 * <p>Refreshes never overlap; the target sees whole lists only, in fetch order.
 */
public final class HotListRefresher implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(HotListRefresher.class);

    private final HotListSource source;
    private final Consumer<HotList> target;
    private final Duration interval;
    private final RefreshListener listener;
    private final Clock clock;
    private final AtomicReference<HotList> current = new AtomicReference<>();
    private final Object lock = new Object();
    private int consecutiveFailures;
    private @Nullable ScheduledExecutorService scheduler;

    private HotListRefresher(Builder b) {
        this.source = b.source;
        this.target = b.target;
        this.interval = b.interval;
        this.listener = b.listener;
        this.clock = b.clock;
    }

    /** Starts a refresher. */
    public static Builder builder() {
        return new Builder();
    }

    /** Refreshes now and then every interval, on a daemon thread, until {@link #close()}. */
    public synchronized HotListRefresher start() {
        if (scheduler != null) {
            throw new IllegalStateException("refresher of " + source.name() + " is already started");
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "hotlist-refresh-" + source.name());
            t.setDaemon(true);
            return t;
        });
        scheduler.scheduleWithFixedDelay(this::refreshNow, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Fetches the list once and swaps it in; on failure keeps the last good list and tells the listener.
     *
     * @return whether the refresh succeeded
     */
    public boolean refreshNow() {
        synchronized (lock) {
            HotList list;
            try {
                list = source.fetch();
                target.accept(list);
            } catch (RuntimeException e) {
                consecutiveFailures++;
                HotList good = current.get();
                RefreshFailure failure = new RefreshFailure(source.name(), clock.instant(),
                        e.getMessage() == null ? e.getClass().getName() : e.getMessage(), consecutiveFailures,
                        good == null ? Optional.empty() : Optional.of(good.asOf()));
                LOG.warn("hot list refresh of {} failed ({} in a row); {}: {}", source.name(), consecutiveFailures,
                        good == null ? "no list loaded yet" : "keeping the list of " + good.asOf(), failure.reason());
                notifyListener(() -> listener.refreshFailed(failure));
                return false;
            }
            consecutiveFailures = 0;
            current.set(list);
            LOG.info("hot list {} refreshed: {} entries as of {}", source.name(), list.entries().size(), list.asOf());
            notifyListener(() -> listener.refreshed(list));
            return true;
        }
    }

    private void notifyListener(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            LOG.error("refresh listener of {} failed", source.name(), e);
        }
    }

    /** The list last swapped in; empty until a refresh succeeds. */
    public Optional<HotList> current() {
        return Optional.ofNullable(current.get());
    }

    /** Stops scheduled refreshes; a refresh in progress finishes. */
    @Override
    public synchronized void close() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    /** Builds a refresher; {@link #build()} reports every problem at once. */
    public static final class Builder {
        private @Nullable HotListSource source;
        private @Nullable Consumer<HotList> target;
        private Duration interval = Duration.ofHours(1);
        private @Nullable RefreshListener listener;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** Where the list comes from. */
        public Builder source(HotListSource source) {
            this.source = source;
            return this;
        }

        /** Receives each good list: the matcher's atomic swap. A target that throws fails the refresh. */
        public Builder target(Consumer<HotList> target) {
            this.target = target;
            return this;
        }

        /** Time between the end of one refresh and the start of the next; default 1 hour. */
        public Builder interval(Duration interval) {
            this.interval = interval;
            return this;
        }

        /** Hears successes and failures. */
        public Builder listener(RefreshListener listener) {
            this.listener = listener;
            return this;
        }

        /** The clock stamping failures. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The refresher.
         *
         * @throws IllegalArgumentException listing every problem
         */
        public HotListRefresher build() {
            List<String> problems = new ArrayList<>();
            if (source == null) {
                problems.add("source is missing");
            }
            if (target == null) {
                problems.add("target is missing");
            }
            if (listener == null) {
                problems.add("listener is missing (a failed refresh must reach someone)");
            }
            if (interval == null || interval.toMillis() < 1) {
                problems.add("interval must be at least 1 ms");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("hot list refresher is invalid: " + String.join("; ", problems));
            }
            return new HotListRefresher(this);
        }
    }
}
