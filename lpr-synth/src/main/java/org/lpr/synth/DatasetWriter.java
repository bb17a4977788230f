package org.lpr.synth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.imageio.ImageIO;

/**
 * Writes a training set of rendered plate crops to a folder: {@code images/NNNNNNNN.png} and
 * {@code labels.csv} ({@code file,state,plate}, the state as a lower-case postal code), on several
 * threads. Index ranges make shards: the same seed and index give the same image.
 *
 * <pre>
 * java -cp lpr-synth/target/classes:lpr-core/target/classes org.lpr.synth.DatasetWriter \
 *     --out training/data/synth-0 --count 100000 --seed 1 --start 0 --threads 2 --size 192x96
 * </pre>
 */
public final class DatasetWriter {
    private final PlateRenderer renderer;
    private final int threads;

    /** A writer rendering with {@code renderer} on {@code threads} threads. */
    public DatasetWriter(PlateRenderer renderer, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.renderer = renderer;
        this.threads = threads;
    }

    /** Renders indices {@code start .. start+count-1} into {@code dir}; returns the number written. */
    public int write(Path dir, long start, int count) throws IOException {
        Path images = dir.resolve("images");
        Files.createDirectories(images);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try (Writer labels = Files.newBufferedWriter(dir.resolve("labels.csv"), StandardCharsets.UTF_8)) {
            labels.write("file,state,plate\n");
            int chunk = 1000;
            for (int base = 0; base < count; base += chunk) {
                List<Future<String>> lines = new ArrayList<>();
                for (int i = base; i < Math.min(count, base + chunk); i++) {
                    long index = start + i;
                    lines.add(pool.submit(() -> renderOne(images, index)));
                }
                for (Future<String> line : lines) {
                    labels.write(line.get());
                }
                labels.flush();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while writing " + dir, e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IOException("rendering failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return count;
    }

    private String renderOne(Path images, long index) {
        RenderedPlate plate = renderer.render(index);
        String name = String.format(Locale.ROOT, "%08d.png", index);
        try {
            ImageIO.write(plate.image().toBufferedImage(), "png", images.resolve(name).toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return "images/" + name + "," + plate.plate().jurisdiction().code().toLowerCase(Locale.ROOT) + "," + plate.plate().text() + "\n";
    }

    /** Command line: {@code --out DIR --count N [--seed S] [--start I] [--threads T] [--size WxH] [--clean]}. */
    public static void main(String[] args) throws IOException {
        Path out = null;
        int count = 1000;
        long seed = 1;
        long start = 0;
        int threads = Runtime.getRuntime().availableProcessors();
        int w = 0;
        int h = 0;
        boolean clean = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--clean")) {
                clean = true;
                continue;
            }
            if (i + 1 >= args.length) {
                usage("option " + a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--out" -> out = Path.of(v);
                case "--count" -> count = Integer.parseInt(v);
                case "--seed" -> seed = Long.parseLong(v);
                case "--start" -> start = Long.parseLong(v);
                case "--threads" -> threads = Integer.parseInt(v);
                case "--size" -> {
                    String[] wh = v.toLowerCase(Locale.ROOT).split("x");
                    if (wh.length != 2) {
                        usage("--size '" + v + "' must be WIDTHxHEIGHT, for example 192x96");
                    }
                    w = Integer.parseInt(wh[0]);
                    h = Integer.parseInt(wh[1]);
                }
                default -> usage("unknown option " + a);
            }
        }
        if (out == null) {
            usage("--out is required");
        }
        PlateRenderer.Builder b = PlateRenderer.builder().seed(seed).photoEffects(!clean);
        if (w > 0) {
            b.outputSize(w, h);
        }
        long t0 = System.nanoTime();
        int n = new DatasetWriter(b.build(), threads).write(out, start, count);
        double s = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "wrote %d plates to %s in %.1f s (%.0f/s)%n", n, out, s, n / s);
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: DatasetWriter --out DIR --count N [--seed S] [--start I] [--threads T] [--size WxH] [--clean]");
        System.err.println("  --clean: frontal plates without camera effects");
        System.exit(2);
    }
}
