package org.lpr.opencv;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;

/**
 * Groups the reads of one vehicle over consecutive frames into one {@link GroupedRead}. A read joins
 * the open group whose plate text is within {@code maxEdits} characters of its own and whose last
 * outline is within {@code maxJump} plate widths; otherwise it opens a group. A group is emitted to
 * the sink once no frame has added to it for {@code emitDelay} of capture time (with the first frame
 * at or past that time, or at {@link #flush()}), so a vehicle's grouped read comes at most
 * {@code emitDelay} plus one frame interval after it leaves the view.
 *
 * <p>Open groups live in a Caffeine cache that expires them after {@code emitDelay} without a
 * write; its clock is the frames' capture time, so a video file read faster or slower than real time
 * groups the same way. Not thread-safe: feed it from one thread, in capture order.
 */
public final class ReadGrouper implements AutoCloseable {
    private final Duration emitDelay;
    private final int maxEdits;
    private final double maxJump;
    private final Consumer<GroupedRead> sink;
    private final AtomicLong clockNanos = new AtomicLong(Long.MIN_VALUE);
    private final Cache<Long, Track> open;
    private long nextId;
    private Instant origin;

    private ReadGrouper(Builder b) {
        this.emitDelay = b.emitDelay;
        this.maxEdits = b.maxEdits;
        this.maxJump = b.maxJump;
        this.sink = b.sink;
        Ticker ticker = () -> clockNanos.get() == Long.MIN_VALUE ? 0 : clockNanos.get();
        this.open = Caffeine.newBuilder()
                .ticker(ticker)
                .executor(Runnable::run) // emit on the feeding thread, in order
                .expireAfterWrite(emitDelay)
                .removalListener((Long id, Track t, RemovalCause cause) -> {
                    if (t != null && (cause == RemovalCause.EXPIRED || cause == RemovalCause.EXPLICIT)) {
                        sink.accept(t.toGroupedRead());
                    }
                })
                .build();
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Adds the reads of one frame captured at {@code at}, then emits every group that has not been
     * seen for {@code emitDelay}. Frames without reads must be fed too: they move the clock.
     */
    public void accept(Instant at, List<PlateRead> reads) {
        if (origin == null) {
            origin = at;
        }
        long now = Duration.between(origin, at).toNanos();
        if (clockNanos.get() != Long.MIN_VALUE && now < clockNanos.get()) {
            throw new IllegalArgumentException("frame at " + at + " is earlier than the previous frame: feed frames in capture order");
        }
        clockNanos.set(now);
        open.cleanUp(); // emit groups that left before this frame, so a returning plate starts afresh
        Map<Long, Track> tracks = new HashMap<>(open.asMap());
        List<PlateRead> byConfidence = new ArrayList<>(reads);
        byConfidence.sort(Comparator.comparingDouble(PlateRead::confidence).reversed());
        java.util.Set<Long> taken = new java.util.HashSet<>();
        for (PlateRead read : byConfidence) {
            Track best = null;
            double bestDistance = Double.MAX_VALUE;
            for (Track t : tracks.values()) {
                if (taken.contains(t.id)) {
                    continue;
                }
                double d = t.jumpTo(read);
                if (d <= maxJump && editDistance(t.currentText(), read.plate().text()) <= maxEdits && d < bestDistance) {
                    best = t;
                    bestDistance = d;
                }
            }
            if (best == null) {
                best = new Track(nextId++);
            }
            best.add(read);
            taken.add(best.id);
            open.put(best.id, best); // refreshes the group's write time
        }
        open.cleanUp();
    }

    /** Emits every open group now (end of video, shutdown). */
    public void flush() {
        open.invalidateAll();
        open.cleanUp();
    }

    /** How many groups are open. */
    public int openGroups() {
        open.cleanUp();
        return (int) open.estimatedSize();
    }

    /** Flushes. */
    @Override
    public void close() {
        flush();
    }

    static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    /** One vehicle's reads so far. */
    private static final class Track {
        private final long id;
        private final List<PlateRead> reads = new ArrayList<>();
        private final Map<String, Double> votes = new HashMap<>();

        Track(long id) {
            this.id = id;
        }

        void add(PlateRead read) {
            reads.add(read);
            for (Candidate c : read.candidates()) {
                votes.merge(c.text(), c.confidence(), Double::sum);
            }
        }

        String currentText() {
            return fused().get(0).text();
        }

        /** Centre distance from the last sighting to {@code read}, in plate widths. */
        double jumpTo(PlateRead read) {
            PlateRead last = reads.get(reads.size() - 1);
            double w = Math.max(1, last.polygon().maxX() - last.polygon().minX());
            return Math.hypot(centreX(read) - centreX(last), centreY(read) - centreY(last)) / w;
        }

        /** Candidates by summed confidence over the frames, as a mean per frame. */
        List<Candidate> fused() {
            int n = reads.size();
            return votes.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed().thenComparing(Map.Entry::getKey))
                    .limit(10)
                    .map(e -> new Candidate(e.getKey(), Math.min(1, e.getValue() / n)))
                    .toList();
        }

        GroupedRead toGroupedRead() {
            List<Candidate> fused = fused();
            String text = fused.get(0).text();
            PlateRead best = reads.stream().filter(r -> r.plate().text().equals(text))
                    .max(Comparator.comparingDouble(PlateRead::confidence))
                    .orElseGet(() -> reads.stream().max(Comparator.comparingDouble(PlateRead::confidence)).orElseThrow());
            PlateRead first = reads.get(0);
            PlateRead last = reads.get(reads.size() - 1);
            PlateRead read = new PlateRead(PlateRead.newId(), new Plate(text, best.plate().jurisdiction()), fused.get(0).confidence(),
                    best.jurisdictionConfidence(), fused, best.polygon(), first.capturedAt(), best.camera(), best.location(), best.images());
            double dx = centreX(last) - centreX(first);
            double dy = centreY(last) - centreY(first);
            double width = best.polygon().maxX() - best.polygon().minX();
            TravelDirection dir = reads.size() < 2 ? TravelDirection.STATIONARY : TravelDirection.of(dx, dy, width);
            return new GroupedRead(read, first.capturedAt(), last.capturedAt(), reads.size(), dir, dx, dy, reads);
        }

        private static double centreX(PlateRead r) {
            return (r.polygon().minX() + r.polygon().maxX()) / 2;
        }

        private static double centreY(PlateRead r) {
            return (r.polygon().minY() + r.polygon().maxY()) / 2;
        }
    }

    /** Settings of a {@link ReadGrouper}; {@link #build()} reports every invalid one at once. */
    public static final class Builder {
        private Duration emitDelay = Duration.ofSeconds(2);
        private int maxEdits = 2;
        private double maxJump = 4;
        private Consumer<GroupedRead> sink;

        private Builder() {
        }

        /** How long after its last sighting a group is emitted (default 2 s of capture time). */
        public Builder emitDelay(Duration emitDelay) {
            this.emitDelay = Objects.requireNonNull(emitDelay, "emitDelay");
            return this;
        }

        /** Most differing characters between a read and a group it joins (default 2: one vehicle misread in some frames). */
        public Builder maxEdits(int maxEdits) {
            this.maxEdits = maxEdits;
            return this;
        }

        /** Farthest move between sightings, in plate widths, for a read to join a group (default 4). */
        public Builder maxJump(double maxJump) {
            this.maxJump = maxJump;
            return this;
        }

        /** Receives every grouped read (required). */
        public Builder sink(Consumer<GroupedRead> sink) {
            this.sink = Objects.requireNonNull(sink, "sink");
            return this;
        }

        /** Builds the grouper. */
        public ReadGrouper build() {
            List<String> problems = new ArrayList<>();
            if (emitDelay.isNegative() || emitDelay.isZero()) {
                problems.add("emitDelay " + emitDelay + " must be positive");
            }
            if (maxEdits < 0 || maxEdits > Plate.MAX_LENGTH) {
                problems.add("maxEdits " + maxEdits + " is outside 0.." + Plate.MAX_LENGTH);
            }
            if (!(maxJump > 0)) {
                problems.add("maxJump " + maxJump + " must be positive");
            }
            if (sink == null) {
                problems.add("no sink set");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid read grouping settings: " + String.join("; ", problems));
            }
            return new ReadGrouper(this);
        }
    }
}
