package org.lpr.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.lpr.core.read.PlatePattern;
import org.lpr.core.read.PlateRead;
import org.lpr.core.spi.ReadPage;
import org.lpr.core.spi.ReadQuery;
import org.lpr.store.JdbcReadStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The read store: batched ingest (reads/s), wildcard historical search through the partial-plate index
 * against a plain SQL {@code LIKE} scan of the same tables, and the purge of a 1,000,000-read day.
 * Datasets are cached under {@code /tmp/lpr-bench}; the first run generates them.
 *
 * <pre>{@code
 * java -jar lpr-benchmarks/target/benchmarks.jar ReadStoreBenchmark -p reads=10000000
 * }</pre>
 */
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"})
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 3)
public class ReadStoreBenchmark {
    private static final int BATCH = 1_000;

    /** One page of the newest 100 reads matching {@code pattern} over the whole dataset. */
    static ReadQuery query(String pattern) {
        return new ReadQuery(Optional.of(PlatePattern.of(pattern)), false, ReadDataset.START.minusSeconds(1),
                ReadDataset.START.plus(Duration.ofDays(400)), Set.of(), Set.of(), Optional.empty(), 100, 0);
    }

    /** Wildcard patterns like a witness gives: the first three characters and the last, {@code 7XK*4}. */
    static List<String> patterns(Path db) {
        List<String> out = new ArrayList<>();
        for (String[] sample : ReadDataset.samples(db)) {
            String p = sample[0];
            out.add(p.substring(0, 3) + "*" + p.charAt(p.length() - 1));
        }
        return out;
    }

    /** A fresh SQLite store taking batches of 1,000 new reads. */
    @State(Scope.Benchmark)
    public static class SqliteIngest {
        JdbcReadStore store;
        Path file;
        ReadDataset.Generator generator;
        List<PlateRead> batch;

        @Setup(Level.Trial)
        public void open() throws IOException {
            file = Files.createTempFile(ReadDataset.dir(), "ingest-", ".db");
            Files.delete(file);
            store = JdbcReadStore.sqlite(file).build();
            generator = new ReadDataset.Generator(7, 0);
        }

        @Setup(Level.Invocation)
        public void nextBatch() {
            batch = generator.next(BATCH);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            store.close();
            for (String suffix : new String[] {"", "-wal", "-shm", ".lock"}) {
                Files.deleteIfExists(Path.of(file + suffix));
            }
        }
    }

    /** Saves one batch of 1,000 reads to SQLite; the score is reads per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void ingestSqlite(SqliteIngest s) {
        s.store.saveAll(s.batch);
    }

    /** The cached SQLite dataset of {@code reads} reads, opened (index rebuilt) once per trial. */
    @State(Scope.Benchmark)
    public static class SqliteSearch {
        @Param("10000000")
        public int reads;
        JdbcReadStore store;
        Connection raw;
        List<String> tables;
        List<String> patterns;
        int next;

        @Setup(Level.Trial)
        public void open() throws SQLException {
            Path db = ReadDataset.sqlite(reads);
            long started = System.nanoTime();
            store = JdbcReadStore.sqlite(db).searchCacheBytes(cacheBytes()).build();
            System.err.printf("opened %,d reads in %d ms, index %,d MiB%n", store.count(), (System.nanoTime() - started) / 1_000_000,
                    store.indexSizeInBytes() >> 20);
            raw = DriverManager.getConnection("jdbc:sqlite:" + db);
            tables = dayTables(raw);
            patterns = patterns(db);
        }

        String nextPattern() {
            return patterns.get(next++ % patterns.size());
        }

        long cacheBytes() {
            return 64L << 20;
        }

        @TearDown(Level.Trial)
        public void close() throws SQLException {
            raw.close();
            store.close();
        }
    }

    /** The same dataset with the candidate cache off: every search computes its postings afresh. */
    @State(Scope.Benchmark)
    public static class SqliteSearchNoCache extends SqliteSearch {
        @Override
        long cacheBytes() {
            return 0;
        }
    }

    /** Wildcard search through the index with the Caffeine candidate cache off. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ReadPage wildcardSearchIndexedNoCache(SqliteSearchNoCache s) {
        return s.store.search(query(s.nextPattern()));
    }

    /** Wildcard search ({@code 7XK*4}) through the RoaringBitmap partial-plate index: newest 100 matches over every read. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ReadPage wildcardSearchIndexed(SqliteSearch s) {
        return s.store.search(query(s.nextPattern()));
    }

    /** Baseline: the same search as plain SQL, {@code plate LIKE '7XK%4'} over each day table newest first. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 2, time = 1)
    public int wildcardSearchLikeScanBaseline(SqliteSearch s, Blackhole bh) throws SQLException {
        return likeScan(s.raw, s.tables, s.nextPattern(), bh);
    }

    /** The newest 100 reads whose plate is {@code LIKE} the pattern, day table by day table, as plain SQL would find them. */
    static int likeScan(Connection raw, List<String> tables, String pattern, Blackhole bh) throws SQLException {
        String like = pattern.replace('*', '%').replace('?', '_');
        int found = 0;
        for (String table : tables) {
            try (PreparedStatement ps = raw.prepareStatement("SELECT id, plate, captured_at, camera_id, latitude, longitude FROM " + table
                    + " WHERE plate LIKE ? ORDER BY captured_at DESC, rid DESC LIMIT ?")) {
                ps.setString(1, like);
                ps.setInt(2, 101 - found);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        bh.consume(rs.getString(1));
                        bh.consume(rs.getString(2));
                        found++;
                    }
                }
            }
            if (found > 100) {
                break;
            }
        }
        return found;
    }

    static List<String> dayTables(Connection raw) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement st = raw.createStatement(); ResultSet rs = st.executeQuery("SELECT table_name FROM read_partitions ORDER BY day DESC")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    /** A store over a fresh copy of the cached one-day, 1,000,000-read SQLite dataset, 100 of its reads under hold. */
    @State(Scope.Thread)
    public static class SqlitePurge {
        Path template;
        Path work;
        JdbcReadStore store;

        @Setup(Level.Iteration)
        public void open() throws IOException {
            template = ReadDataset.sqlite(ReadDataset.PER_DAY);
            work = ReadDataset.dir().resolve("purge-work.db");
            delete(work);
            Files.copy(template, work, StandardCopyOption.REPLACE_EXISTING);
            store = JdbcReadStore.sqlite(work).build();
            List<String> ids = new ArrayList<>();
            for (String[] sample : ReadDataset.samples(template)) {
                ids.add(sample[1]);
            }
            store.hold(ids, "BENCH-HOLD");
        }

        @TearDown(Level.Iteration)
        public void close() throws IOException {
            store.close();
            delete(work);
        }

        private static void delete(Path db) throws IOException {
            for (String suffix : new String[] {"", "-wal", "-shm", ".lock"}) {
                Files.deleteIfExists(Path.of(db + suffix));
            }
        }
    }

    /** Purges a whole day of 1,000,000 reads (100 held reads move to the held table first). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public long purgeDaySqlite(SqlitePurge s) {
        return s.store.purgeBefore(ReadDataset.START.plus(Duration.ofDays(1)));
    }

    /** An embedded PostgreSQL server (binaries from Maven) with a fresh store taking batches of 1,000 reads. */
    @State(Scope.Benchmark)
    public static class PostgresIngest {
        EmbeddedPostgres server;
        JdbcReadStore store;
        ReadDataset.Generator generator;
        List<PlateRead> batch;

        @Setup(Level.Trial)
        public void open() throws IOException {
            server = EmbeddedPostgres.builder().start();
            store = JdbcReadStore.postgres(server.getJdbcUrl("postgres", "postgres"), "postgres", "").build();
            generator = new ReadDataset.Generator(7, 0);
        }

        @Setup(Level.Invocation)
        public void nextBatch() {
            batch = generator.next(BATCH);
        }

        @TearDown(Level.Trial)
        public void close() throws IOException {
            store.close();
            server.close();
        }
    }

    /** Saves one batch of 1,000 reads to PostgreSQL; the score is reads per second. */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(BATCH)
    public void ingestPostgres(PostgresIngest s) {
        s.store.saveAll(s.batch);
    }

    /** The cached embedded PostgreSQL dataset of {@code pgReads} reads (database {@code reads_N} in {@code /tmp/lpr-bench/pgdata}). */
    @State(Scope.Benchmark)
    public static class PostgresSearch {
        @Param("1000000")
        public int pgReads;
        EmbeddedPostgres server;
        JdbcReadStore store;
        Connection raw;
        List<String> tables;
        List<String> patterns;
        int next;

        @Setup(Level.Trial)
        public void open() throws Exception {
            server = PostgresDatasets.server();
            String db = PostgresDatasets.dataset(server, pgReads);
            long started = System.nanoTime();
            store = JdbcReadStore.postgres(server.getJdbcUrl("postgres", db), "postgres", "").searchCacheBytes(0).build();
            System.err.printf("opened %,d reads in %d ms, index %,d MiB%n", store.count(), (System.nanoTime() - started) / 1_000_000,
                    store.indexSizeInBytes() >> 20);
            raw = DriverManager.getConnection(server.getJdbcUrl("postgres", db), "postgres", "");
            tables = dayTables(raw);
            patterns = PostgresDatasets.patterns(pgReads);
        }

        String nextPattern() {
            return patterns.get(next++ % patterns.size());
        }

        @TearDown(Level.Trial)
        public void close() throws IOException, SQLException {
            raw.close();
            store.close();
            server.close();
        }
    }

    /** Wildcard search through the partial-plate index on PostgreSQL (candidate cache off). */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public ReadPage wildcardSearchIndexedPostgres(PostgresSearch s) {
        return s.store.search(query(s.nextPattern()));
    }

    /** Baseline on PostgreSQL: {@code plate LIKE '7XK%4'} over each day partition newest first. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1, time = 1)
    @Measurement(iterations = 2, time = 1)
    public int wildcardSearchLikeScanBaselinePostgres(PostgresSearch s, Blackhole bh) throws SQLException {
        return likeScan(s.raw, s.tables, s.nextPattern(), bh);
    }

    /** A copy ({@code CREATE DATABASE ... TEMPLATE}) of the cached one-day, 1,000,000-read PostgreSQL dataset, 100 reads held. */
    @State(Scope.Thread)
    public static class PostgresPurge {
        EmbeddedPostgres server;
        JdbcReadStore store;

        @Setup(Level.Trial)
        public void start() throws Exception {
            server = PostgresDatasets.server();
            PostgresDatasets.dataset(server, ReadDataset.PER_DAY);
        }

        @Setup(Level.Iteration)
        public void open() throws SQLException {
            PostgresDatasets.admin(server, "DROP DATABASE IF EXISTS purge_work");
            PostgresDatasets.admin(server, "CREATE DATABASE purge_work TEMPLATE reads_" + ReadDataset.PER_DAY);
            store = JdbcReadStore.postgres(server.getJdbcUrl("postgres", "purge_work"), "postgres", "").build();
            store.hold(PostgresDatasets.sampleIds(ReadDataset.PER_DAY), "BENCH-HOLD");
        }

        @TearDown(Level.Iteration)
        public void close() throws SQLException {
            store.close();
            PostgresDatasets.admin(server, "DROP DATABASE IF EXISTS purge_work");
        }

        @TearDown(Level.Trial)
        public void stop() throws IOException {
            server.close();
        }
    }

    /** Purges a whole PostgreSQL day partition of 1,000,000 reads (100 held reads move first). */
    @Benchmark
    @BenchmarkMode(Mode.SingleShotTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    @Warmup(iterations = 1)
    @Measurement(iterations = 3)
    public long purgeDayPostgres(PostgresPurge s) {
        return s.store.purgeBefore(ReadDataset.START.plus(Duration.ofDays(1)));
    }

    /** Sanity entry point for a quick look without JMH: {@code java -cp benchmarks.jar org.lpr.benchmarks.ReadStoreBenchmark SIZE}. */
    public static void main(String[] args) throws Exception {
        int size = Integer.parseInt(args[0]);
        Path db = ReadDataset.sqlite(size);
        try (JdbcReadStore store = JdbcReadStore.sqlite(db).build()) {
            for (String p : patterns(db).subList(0, 5)) {
                long t = System.nanoTime();
                ReadPage page = store.search(query(p));
                System.out.printf("%s: %d reads in %.2f ms%n", p, page.reads().size(), (System.nanoTime() - t) / 1e6);
            }
            Instant.now();
        }
    }
}
