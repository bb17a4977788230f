package org.lpr.core.pipeline;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.lpr.core.LprException;
import org.lpr.core.hotlist.Alert;
import org.lpr.core.hotlist.Hit;
import org.lpr.core.hotlist.HotListMatcher;
import org.lpr.core.image.Image;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Polygon;
import org.lpr.core.spi.AlertSink;
import org.lpr.core.spi.PlateDetector;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;
import org.lpr.core.spi.ReadStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SDK's entry point: a pipeline that finds plates in an image, reads them, stores the reads,
 * matches them against hot lists and raises alerts.
 *
 * <pre>{@code
 * Lpr lpr = Lpr.builder()
 *     .detector(detector)
 *     .recognizer(recognizer)
 *     .hotListMatcher(matcher)
 *     .alertSink(alert -> mdt.show(alert))
 *     .build();
 * LprResult result = lpr.process(image, Capture.of(Instant.now(), camera));
 * }</pre>
 *
 * <p>Thread-safe when its parts are. {@link #close()} closes the detectors, recognizer and store.
 */
public final class Lpr implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Lpr.class);

    private final PlateDetector detector;
    private final @Nullable PlateDetector secondPass;
    /** Whether {@link #secondPass} was set on the builder (closed here) rather than taken from the detector (part of it). */
    private final boolean ownsSecondPass;
    private final PlateRecognizer recognizer;
    private final HotListMatcher matcher;
    private final List<AlertSink> alertSinks;
    private final Optional<ReadStore> store;
    private final double minConfidence;
    private final int maxCandidates;
    private final Clock clock;

    private Lpr(Builder b) {
        this.detector = Objects.requireNonNull(b.detector);
        this.recognizer = Objects.requireNonNull(b.recognizer);
        this.ownsSecondPass = b.secondPass != null;
        this.secondPass = b.secondPass != null ? b.secondPass : b.detectorsSecondPass ? detector.secondPass().orElse(null) : null;
        this.matcher = b.matcher;
        this.alertSinks = List.copyOf(b.alertSinks);
        this.store = Optional.ofNullable(b.store);
        this.minConfidence = b.minConfidence;
        this.maxCandidates = b.maxCandidates;
        this.clock = b.clock;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Finds, reads and matches every plate in {@code image}. */
    public LprResult process(Image image, Capture capture) {
        SecondPass.Result found = SecondPass.read(image, detector, secondPass, recognizer);
        List<PlateRead> reads = new ArrayList<>();
        for (int i = 0; i < found.regions().size(); i++) {
            toRead(found.readings().get(i), found.regions().get(i).polygon(), capture).ifPresent(reads::add);
        }
        return finish(reads, found.detectMs(), found.recognizeMs());
    }

    /** Reads an already cut-out plate crop (for cameras that find plates themselves) and matches it. */
    public LprResult processCrop(Image crop, Capture capture) {
        long t0 = System.nanoTime();
        PlateReading reading = recognizer.recognize(crop);
        long t1 = System.nanoTime();
        Polygon whole = Polygon.rectangle(0, 0, crop.width(), crop.height());
        List<PlateRead> reads = toRead(reading, whole, capture).map(List::of).orElse(List.of());
        return finish(reads, 0, (t1 - t0) / 1e6);
    }

    private Optional<PlateRead> toRead(PlateReading reading, Polygon polygon, Capture capture) {
        if (reading.isEmpty()) {
            return Optional.empty();
        }
        Candidate best = reading.candidates().get(0);
        if (best.confidence() < minConfidence) {
            return Optional.empty();
        }
        List<Candidate> candidates = reading.candidates().subList(0, Math.min(maxCandidates, reading.candidates().size()));
        return Optional.of(new PlateRead(PlateRead.newId(), new Plate(best.text(), reading.jurisdiction()), best.confidence(),
                reading.jurisdictionConfidence(), candidates, polygon, capture.at(), capture.camera(), capture.location(),
                capture.images()));
    }

    private LprResult finish(List<PlateRead> found, double detectMs, double recognizeMs) {
        List<PlateRead> reads = new ArrayList<>(found);
        reads.sort((a, b) -> Double.compare(b.confidence(), a.confidence()));
        store.ifPresent(s -> {
            if (!reads.isEmpty()) {
                s.saveAll(reads);
            }
        });
        List<Alert> alerts = new ArrayList<>();
        for (PlateRead read : reads) {
            List<Hit> hits = matcher.match(read);
            if (!hits.isEmpty()) {
                Alert alert = new Alert(UUID.randomUUID().toString(), read, hits, clock.instant());
                alerts.add(alert);
                deliver(alert);
            }
        }
        return new LprResult(reads, alerts, detectMs, recognizeMs);
    }

    private void deliver(Alert alert) {
        for (AlertSink sink : alertSinks) {
            try {
                sink.onAlert(alert);
            } catch (RuntimeException e) {
                // one broken sink must not keep the alert from the others
                LOG.error("alert sink {} failed for alert {}", sink, alert.id(), e);
            }
        }
    }

    /** The detector in use. */
    public PlateDetector detector() {
        return detector;
    }

    /**
     * The detector of the second pass ({@link SecondPass}) in use: the one set with {@link Builder#secondPass}, else the
     * detector's own ({@link PlateDetector#secondPass()}) unless {@link Builder#noSecondPass()}; empty: none.
     */
    public Optional<PlateDetector> secondPass() {
        return Optional.ofNullable(secondPass);
    }

    /** The recognizer in use. */
    public PlateRecognizer recognizer() {
        return recognizer;
    }

    /**
     * Closes the detector (with its own second pass), a second pass set on the builder, the recognizer and the store: each
     * one, even when one before it fails; the first failure is thrown, later ones suppressed in it.
     */
    @Override
    public void close() {
        List<Runnable> parts = new ArrayList<>();
        parts.add(detector::close);
        if (ownsSecondPass && secondPass != detector) {
            parts.add(secondPass::close);
        }
        parts.add(recognizer::close);
        store.ifPresent(s -> parts.add(s::close));
        RuntimeException failure = null;
        for (Runnable part : parts) {
            try {
                part.run();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Composes a pipeline; {@link #build()} reports every missing or invalid setting at once. */
    public static final class Builder {
        private @Nullable PlateDetector detector;
        private @Nullable PlateDetector secondPass;
        private boolean detectorsSecondPass = true;
        private @Nullable PlateRecognizer recognizer;
        private HotListMatcher matcher = HotListMatcher.none();
        private final List<AlertSink> alertSinks = new ArrayList<>();
        private @Nullable ReadStore store;
        private double minConfidence = 0.0;
        private int maxCandidates = 10;
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /** The plate detector (required unless discovered with {@link #discoverPlugins()}). */
        public Builder detector(PlateDetector detector) {
            this.detector = Objects.requireNonNull(detector, "detector");
            return this;
        }

        /**
         * A second detector, run on a photo only where the first detector's plates give no reading that fits a serial format
         * ({@link SecondPass}); the plates it finds beyond the first's are read too. It replaces the detector's own
         * ({@link PlateDetector#secondPass()}) and is closed with the pipeline. The trigger needs a recognizer that flags
         * {@code NO_FORMAT_MATCH} (lpr-ocr-onnx's do; where none is flagged the second detector runs only on photos without
         * any reading), and a photo may give up to both detectors' plate limits together.
         *
         * <p>Default: the detector's own second pass, if it has one. lpr-ocr-onnx's {@code OnnxPlateDetector} at its default
         * 960 px looks again at 1280 px: on the dev photos that reads two more plates for about 5 to 13 % more time a photo
         * (lpr-ocr-onnx/README.md).
         */
        public Builder secondPass(PlateDetector secondPass) {
            this.secondPass = Objects.requireNonNull(secondPass, "secondPass");
            this.detectorsSecondPass = true;
            return this;
        }

        /**
         * No second detector pass, not even the detector's own ({@link PlateDetector#secondPass()}): one pass a photo, as video
         * wants (a frame without a plate would pay the second look every time). A detector set before with
         * {@link #secondPass(PlateDetector)} is dropped, not closed: it stays the caller's.
         */
        public Builder noSecondPass() {
            this.secondPass = null;
            this.detectorsSecondPass = false;
            return this;
        }

        /** The plate recognizer (required unless discovered with {@link #discoverPlugins()}). */
        public Builder recognizer(PlateRecognizer recognizer) {
            this.recognizer = Objects.requireNonNull(recognizer, "recognizer");
            return this;
        }

        /** The hot list matcher; without one no alerts are raised. */
        public Builder hotListMatcher(HotListMatcher matcher) {
            this.matcher = Objects.requireNonNull(matcher, "matcher");
            return this;
        }

        /** Adds a sink that receives every alert. */
        public Builder alertSink(AlertSink sink) {
            this.alertSinks.add(Objects.requireNonNull(sink, "sink"));
            return this;
        }

        /** A store that keeps every read. */
        public Builder readStore(ReadStore store) {
            this.store = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Reads whose best candidate is less confident than this are dropped (0 to 1, default 0). */
        public Builder minConfidence(double minConfidence) {
            this.minConfidence = minConfidence;
            return this;
        }

        /** How many candidates a read keeps (default 10). */
        public Builder maxCandidates(int maxCandidates) {
            this.maxCandidates = maxCandidates;
            return this;
        }

        /** The clock alerts are stamped with (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Fills a missing detector and recognizer from {@link ServiceLoader}. When several are on the
         * class path, the system properties {@code lpr.detector} and {@code lpr.recognizer} pick one by
         * {@code name()}.
         */
        public Builder discoverPlugins() {
            if (detector == null) {
                detector = discover(PlateDetector.class, "lpr.detector", PlateDetector::name);
            }
            if (recognizer == null) {
                recognizer = discover(PlateRecognizer.class, "lpr.recognizer", PlateRecognizer::name);
            }
            return this;
        }

        private static <T> T discover(Class<T> type, String property, java.util.function.Function<T, String> name) {
            List<T> found = ServiceLoader.load(type).stream().map(ServiceLoader.Provider::get).toList();
            String wanted = System.getProperty(property);
            if (wanted != null) {
                return found.stream().filter(t -> name.apply(t).equals(wanted)).findFirst().orElseThrow(() -> new LprException(
                        "no " + type.getSimpleName() + " named '" + wanted + "' (system property " + property + ") on the class path; found "
                                + found.stream().map(name).collect(Collectors.toList())));
            }
            if (found.isEmpty()) {
                throw new LprException("no " + type.getSimpleName() + " on the class path: add lpr-ocr-onnx or lpr-ocr-opencv, or set one with the builder");
            }
            if (found.size() > 1) {
                throw new LprException("several " + type.getSimpleName() + "s on the class path " + found.stream().map(name).collect(Collectors.toList())
                        + ": pick one with -D" + property + "=NAME or set one with the builder");
            }
            return found.get(0);
        }

        /** Builds the pipeline, or throws listing every problem with the settings. */
        public Lpr build() {
            List<String> problems = new ArrayList<>();
            if (detector == null) {
                problems.add("no detector set");
            }
            if (recognizer == null) {
                problems.add("no recognizer set");
            }
            if (!(minConfidence >= 0 && minConfidence <= 1)) {
                problems.add("minConfidence " + minConfidence + " is outside [0, 1]");
            }
            if (maxCandidates < 1) {
                problems.add("maxCandidates " + maxCandidates + " must be at least 1");
            }
            if (!problems.isEmpty()) {
                throw new LprException("invalid pipeline settings: " + String.join("; ", problems));
            }
            return new Lpr(this);
        }
    }
}
