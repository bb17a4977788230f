package org.lpr.opencv;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.lpr.core.LprException;
import org.lpr.core.pipeline.Capture;
import org.lpr.core.pipeline.Lpr;
import org.lpr.core.pipeline.LprResult;
import org.lpr.core.read.Camera;

/**
 * Runs a video's frames through an {@link Lpr} pipeline: each frame is stamped with its capture
 * time (the start instant plus its position in the video), frames beyond the frame-rate cap are left
 * out, and reads are grouped per vehicle by a {@link ReadGrouper}.
 *
 * <p>With {@link Pacing#EVERY_FRAME} (the default for files) every frame under the cap is processed,
 * however long it takes. With {@link Pacing#REAL_TIME} (cameras and streams, or a file played at its
 * own speed) a reader thread keeps decoding at the source's pace and the pipeline always takes the
 * newest frame: frames that arrive while it is busy are dropped and counted, so a slow device
 * falls behind by at most one frame instead of without bound.
 *
 * <p>Build the {@link Lpr} for video with {@link Lpr.Builder#noSecondPass()} where its detector carries a second pass
 * (lpr-ocr-onnx's {@code OnnxPlateDetector} does by default): a frame without a plate would pay the second look every time.
 */
public final class VideoPipeline {
    /** How frames are fed to the pipeline. */
    public enum Pacing {
        /** Process every frame under the cap, in order, as fast as the pipeline goes. */
        EVERY_FRAME,
        /** Follow the source's clock and drop frames that arrive while the pipeline is busy. */
        REAL_TIME
    }

    private final Lpr lpr;
    private final Camera camera;
    private final Instant start;
    private final double maxFps;
    private final Pacing pacing;
    private final ReadGrouper.Builder grouping;

    private VideoPipeline(Builder b) {
        this.lpr = b.lpr;
        this.camera = b.camera;
        this.start = b.start;
        this.maxFps = b.maxFps;
        this.pacing = b.pacing;
        this.grouping = b.grouping;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Reads {@code source} to its end, telling {@code listener} every frame's reads and every grouped read. */
    public VideoStats run(VideoSource source, VideoListener listener) {
        AtomicLong grouped = new AtomicLong();
        ReadGrouper grouper = grouping.sink(g -> {
            grouped.incrementAndGet();
            listener.onGroupedRead(g);
        }).build();
        Counters n = new Counters();
        try {
            if (pacing == Pacing.EVERY_FRAME) {
                for (Optional<VideoFrame> f = source.next(); f.isPresent(); f = source.next()) {
                    n.read++;
                    process(f.get(), grouper, listener, n);
                }
            } else {
                realTime(source, grouper, listener, n);
            }
        } finally {
            grouper.flush();
        }
        return new VideoStats(n.read, n.processed, n.skippedForRate, n.skippedUnderLoad, grouped.get());
    }

    private static final class Counters {
        long read;
        long processed;
        long skippedForRate;
        long skippedUnderLoad;
        long lastNanos = Long.MIN_VALUE;
    }

    private void process(VideoFrame f, ReadGrouper grouper, VideoListener listener, Counters n) {
        long pos = f.position().toNanos();
        if (maxFps > 0 && n.lastNanos != Long.MIN_VALUE && pos - n.lastNanos < 1e9 / maxFps - 1e6) {
            n.skippedForRate++;
            return;
        }
        n.lastNanos = pos;
        Instant at = start.plus(f.position());
        LprResult result = lpr.process(f.image(), Capture.of(at, camera));
        n.processed++;
        listener.onFrame(f, result);
        grouper.accept(at, result.reads());
    }

    private void realTime(VideoSource source, ReadGrouper grouper, VideoListener listener, Counters n) {
        AtomicReference<VideoFrame> newest = new AtomicReference<>();
        BlockingQueue<Boolean> signal = new ArrayBlockingQueue<>(1);
        AtomicLong read = new AtomicLong();
        AtomicLong dropped = new AtomicLong();
        AtomicReference<RuntimeException> failure = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean done = new java.util.concurrent.atomic.AtomicBoolean();
        Thread reader = new Thread(() -> {
            long t0 = System.nanoTime();
            try {
                for (Optional<VideoFrame> f = source.next(); f.isPresent(); f = source.next()) {
                    read.incrementAndGet();
                    if (!source.live()) {
                        // a file: wait until the frame is due, as a camera would deliver it
                        long due = t0 + f.get().position().toNanos();
                        long wait = due - System.nanoTime();
                        if (wait > 0) {
                            TimeUnit.NANOSECONDS.sleep(wait);
                        }
                    }
                    if (newest.getAndSet(f.get()) != null) {
                        dropped.incrementAndGet();
                    }
                    signal.offer(Boolean.TRUE);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                failure.set(e);
            } finally {
                done.set(true);
                signal.offer(Boolean.FALSE);
            }
        }, "lpr-video-reader");
        reader.setDaemon(true);
        reader.start();
        try {
            while (true) {
                VideoFrame f = newest.getAndSet(null);
                if (f != null) {
                    process(f, grouper, listener, n);
                } else if (done.get()) {
                    if (newest.get() == null) {
                        break;
                    }
                } else {
                    signal.poll(50, TimeUnit.MILLISECONDS);
                }
            }
            reader.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reader.interrupt();
        }
        if (failure.get() != null) {
            throw new LprException("reading video " + source.name() + " failed: " + failure.get().getMessage(), failure.get());
        }
        n.read = read.get();
        n.skippedUnderLoad = dropped.get();
    }

    /** Settings of a {@link VideoPipeline}; {@link #build()} reports every invalid one at once. */
    public static final class Builder {
        private Lpr lpr;
        private Camera camera;
        private Instant start = Instant.now();
        private double maxFps;
        private Pacing pacing = Pacing.EVERY_FRAME;
        private ReadGrouper.Builder grouping = ReadGrouper.builder();

        private Builder() {
        }

        /** The pipeline each frame goes through (required). */
        public Builder lpr(Lpr lpr) {
            this.lpr = Objects.requireNonNull(lpr, "lpr");
            return this;
        }

        /** The camera the video comes from (required). */
        public Builder camera(Camera camera) {
            this.camera = Objects.requireNonNull(camera, "camera");
            return this;
        }

        /** Capture time of the video's first frame (default: now). */
        public Builder start(Instant start) {
            this.start = Objects.requireNonNull(start, "start");
            return this;
        }

        /** Most frames processed per second of video; 0 (the default) for no cap. */
        public Builder maxFps(double maxFps) {
            this.maxFps = maxFps;
            return this;
        }

        /** How frames are fed (default {@link Pacing#EVERY_FRAME}). */
        public Builder pacing(Pacing pacing) {
            this.pacing = Objects.requireNonNull(pacing, "pacing");
            return this;
        }

        /** Grouping settings (emit delay, edits, jump); their sink is set by the pipeline. */
        public Builder grouping(ReadGrouper.Builder grouping) {
            this.grouping = Objects.requireNonNull(grouping, "grouping");
            return this;
        }

        /** Builds the video pipeline. */
        public VideoPipeline build() {
            List<String> problems = new ArrayList<>();
            if (lpr == null) {
                problems.add("no pipeline (lpr) set");
            }
            if (camera == null) {
                problems.add("no camera set");
            }
            if (!(maxFps >= 0 && maxFps <= 1000)) {
                problems.add("maxFps " + maxFps + " is outside 0..1000");
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("invalid video pipeline settings: " + String.join("; ", problems));
            }
            return new VideoPipeline(this);
        }
    }
}
