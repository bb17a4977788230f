package org.lpr.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import org.lpr.core.read.Camera;
import org.lpr.core.read.CameraKind;
import org.lpr.core.read.Candidate;
import org.lpr.core.read.GeoPoint;
import org.lpr.core.read.Jurisdiction;
import org.lpr.core.read.Plate;
import org.lpr.core.read.PlateRead;
import org.lpr.core.read.Polygon;
import org.lpr.store.JdbcReadStore;

/**
 * Seeded synthetic reads for the store benchmarks: a million reads per UTC day from 2026-05-01, random
 * 7-character plates, 50 cameras around Odessa, MO. Datasets are generated once and cached under
 * {@code /tmp/lpr-bench} (override with {@code -Dlpr.bench.dir}), with a sidecar of sample plates and ids.
 */
final class ReadDataset {
    static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
    static final int PER_DAY = 1_000_000;
    private static final String CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final List<Camera> CAMERAS = new ArrayList<>();

    static {
        CameraKind[] kinds = CameraKind.values();
        for (int i = 0; i < 50; i++) {
            CAMERAS.add(new Camera("cam-" + i, kinds[i % kinds.length], "MO0920200"));
        }
    }

    private ReadDataset() {
    }

    static Path dir() {
        Path d = Path.of(System.getProperty("lpr.bench.dir", "/tmp/lpr-bench"));
        try {
            Files.createDirectories(d);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return d;
    }

    /** Makes reads in capture order: read {@code n} is captured at {@code START + n * (1 day / PER_DAY)}. */
    static final class Generator {
        private final SplittableRandom random;
        private long n;

        Generator(long seed, long first) {
            this.random = new SplittableRandom(seed);
            this.n = first;
        }

        PlateRead next() {
            char[] plate = new char[7];
            for (int i = 0; i < plate.length; i++) {
                plate[i] = CHARS.charAt(random.nextInt(CHARS.length()));
            }
            String text = new String(plate);
            Camera camera = CAMERAS.get(random.nextInt(CAMERAS.size()));
            GeoPoint where = new GeoPoint(38.9 + random.nextDouble() * 0.2, -94.1 + random.nextDouble() * 0.3);
            Instant at = START.plusNanos(n++ * (86_400_000_000_000L / PER_DAY));
            return new PlateRead(new UUID(random.nextLong(), random.nextLong()).toString(), Plate.of(text, Jurisdiction.MO),
                    0.9, 0.8, List.of(new Candidate(text, 0.9)), Polygon.rectangle(100, 200, 140, 45), at, camera,
                    Optional.of(where), List.of());
        }

        List<PlateRead> next(int count) {
            List<PlateRead> out = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                out.add(next());
            }
            return out;
        }
    }

    /** The cached SQLite dataset of {@code size} reads, generated through the store when missing. */
    static synchronized Path sqlite(int size) {
        Path db = dir().resolve("reads-sqlite-" + size + ".db");
        if (Files.exists(db) && Files.exists(sidecar(db))) {
            return db;
        }
        Path tmp = dir().resolve("reads-sqlite-" + size + ".partial.db");
        try {
            Files.deleteIfExists(tmp);
            Files.deleteIfExists(Path.of(tmp + "-wal"));
            Files.deleteIfExists(Path.of(tmp + "-shm"));
            List<String> samples = new ArrayList<>();
            long started = System.nanoTime();
            try (JdbcReadStore store = JdbcReadStore.sqlite(tmp).build()) {
                fill(store, size, samples);
            }
            System.err.printf("generated %,d reads into %s in %d s%n", size, db, (System.nanoTime() - started) / 1_000_000_000L);
            Files.move(tmp, db, StandardCopyOption.REPLACE_EXISTING);
            Files.write(sidecar(db), samples);
            return db;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves {@code size} reads in batches of 10,000, noting every 10,000th read's plate and id in {@code samples}. */
    static void fill(JdbcReadStore store, int size, List<String> samples) {
        Generator g = new Generator(size, 0);
        for (int done = 0; done < size; ) {
            List<PlateRead> batch = g.next(Math.min(10_000, size - done));
            samples.add(batch.get(0).plate().text() + " " + batch.get(0).id());
            store.saveAll(batch);
            done += batch.size();
        }
    }

    static Path sidecar(Path db) {
        return Path.of(db + ".samples");
    }

    /** Sample "PLATE id" lines of a dataset. */
    static List<String[]> samples(Path db) {
        try {
            List<String[]> out = new ArrayList<>();
            for (String line : Files.readAllLines(sidecar(db))) {
                out.add(line.split(" "));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
