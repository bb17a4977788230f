package org.lpr.onnx;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.lpr.core.RecognitionException;
import org.lpr.core.image.Image;
import org.lpr.core.spi.PlateReading;
import org.lpr.core.spi.PlateRecognizer;

/**
 * A recognizer whose models load on first use, once, whichever thread gets there first; reading is
 * thread-safe. {@link #close()} frees the models (a later read loads them again); it must not run while
 * reads are in progress. A load that fails leaves nothing open and is tried again on the next read.
 * Crops that {@link OnnxPlateDetector} cut from a photo pass the {@link SceneScreen} unless it is off.
 *
 * <p>The crops of one {@link #recognizeAll} call are read on up to {@code threads} threads at once (the calling thread
 * and {@code threads - 1} daemon workers of this recognizer), each crop whole on one thread, in contiguous parts of
 * the list; every model session runs single-threaded ({@link #SESSION_THREADS}). On the 2-core machine a second
 * ONNX Runtime intra-op thread made these small models no faster, while two crops read at once took 35 to 51 % less time a
 * crop (module README, *Speed, seventh round*). A crop's reading does not depend on the others of the call (lines and
 * crops go through the models one at a time by default), so the readings are the same on any number of threads.
 */
abstract class LazyRecognizer implements PlateRecognizer {
    /** Intra-op threads of every model session a recognizer opens: crops, not model runs, are spread over the threads. */
    static final int SESSION_THREADS = 1;
    /** Seconds an idle reading thread waits for work before it ends (a later call starts it again). */
    private static final long IDLE_SECONDS = 30;

    private final Lazy<CropReader> reader = new Lazy<>(this::open, CropReader::close);
    private final Lazy<ExecutorService> workers;
    private final boolean sceneScreen;
    private final int threads;

    /**
     * @param sceneScreen whether the photo detector's crops pass the {@link SceneScreen}
     * @param threads the most crops read at once, at least 1 (the builders check it)
     */
    LazyRecognizer(boolean sceneScreen, int threads) {
        this.sceneScreen = sceneScreen;
        this.threads = threads;
        this.workers = new Lazy<>(() -> {
            // idle workers end after a while, so a recognizer that is never closed holds no thread for long
            int size = Math.max(1, threads - 1);
            ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, IDLE_SECONDS,
                    TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
                        Thread t = new Thread(r, "lpr-crop-reader");
                        t.setDaemon(true);
                        return t;
                    });
            pool.allowCoreThreadTimeOut(true);
            return pool;
        }, ExecutorService::shutdown);
    }

    /** Loads the models: called once per load, under the lock of the recognizer's {@link Lazy}. */
    abstract CropReader open();

    @Override
    public PlateReading recognize(Image crop) {
        return recognizeAll(List.of(crop)).get(0);
    }

    @Override
    public List<PlateReading> recognizeAll(List<Image> crops) {
        if (crops.isEmpty()) {
            return List.of();
        }
        if (!sceneScreen) {
            return read(crops);
        }
        boolean[] skipped = new boolean[crops.size()];
        List<Image> read = new ArrayList<>(crops.size());
        for (int i = 0; i < crops.size(); i++) {
            skipped[i] = SceneScreen.skips(crops.get(i));
            if (!skipped[i]) {
                read.add(crops.get(i));
            }
        }
        List<PlateReading> readings = read.isEmpty() ? List.of() : read(read);
        List<PlateReading> out = new ArrayList<>(crops.size());
        int next = 0;
        for (int i = 0; i < crops.size(); i++) {
            out.add(skipped[i] ? PlateReading.empty() : SceneScreen.kept(crops.get(i), readings.get(next++)));
        }
        return out;
    }

    /** Reads {@code crops} (not empty) in up to {@link #threads} contiguous parts at once, the first on the calling thread. */
    private List<PlateReading> read(List<Image> crops) {
        CropReader r = reader.get();
        int parts = Math.min(threads, crops.size());
        if (parts <= 1) {
            return r.read(crops);
        }
        int n = crops.size();
        ExecutorService pool = workers.get();
        List<Future<List<PlateReading>>> later = new ArrayList<>(parts - 1);
        for (int p = 1; p < parts; p++) {
            List<Image> part = crops.subList(p * n / parts, (p + 1) * n / parts);
            later.add(pool.submit(() -> r.read(part)));
        }
        List<PlateReading> out = new ArrayList<>(n);
        try {
            out.addAll(r.read(crops.subList(0, n / parts)));
            for (Future<List<PlateReading>> f : later) {
                out.addAll(f.get());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecognitionException("interrupted while reading " + n + " crops", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new RecognitionException("reading a crop failed: " + e.getCause(), e.getCause());
        } finally {
            for (Future<List<PlateReading>> f : later) {
                f.cancel(false);
            }
        }
        return out;
    }

    /** Frees the models and the reading threads; a later read makes them again. */
    @Override
    public void close() {
        try {
            reader.close();
        } finally {
            workers.close();
        }
    }
}
