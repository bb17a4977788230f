package org.lpr.benchmarks;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.lpr.store.JdbcReadStore;

/**
 * Cached PostgreSQL datasets for the benchmarks: one embedded server whose data folder stays in
 * {@code /tmp/lpr-bench/pgdata}, a database {@code reads_N} per dataset size, generated once through the store.
 */
final class PostgresDatasets {
    private PostgresDatasets() {
    }

    static EmbeddedPostgres server() throws IOException {
        return EmbeddedPostgres.builder().setDataDirectory(ReadDataset.dir().resolve("pgdata")).setCleanDataDirectory(false)
                .setPort(54329).start();
    }

    static void admin(EmbeddedPostgres server, String sql) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private static boolean exists(EmbeddedPostgres server, String db) throws SQLException {
        try (Connection c = server.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
            return rs.next();
        }
    }

    /** The database holding {@code size} reads, generated when missing; returns its name. */
    static String dataset(EmbeddedPostgres server, int size) throws SQLException {
        String db = "reads_" + size;
        if (exists(server, db) && Files.exists(samplesFile(size))) {
            return db;
        }
        String partial = db + "_partial";
        admin(server, "DROP DATABASE IF EXISTS " + partial);
        admin(server, "CREATE DATABASE " + partial);
        List<String> samples = new ArrayList<>();
        long started = System.nanoTime();
        try (JdbcReadStore store = JdbcReadStore.postgres(server.getJdbcUrl("postgres", partial), "postgres", "").build()) {
            ReadDataset.fill(store, size, samples);
        }
        System.err.printf("generated %,d reads into PostgreSQL database %s in %d s%n", size, db, (System.nanoTime() - started) / 1_000_000_000L);
        admin(server, "DROP DATABASE IF EXISTS " + db);
        admin(server, "ALTER DATABASE " + partial + " RENAME TO " + db);
        try {
            Files.write(samplesFile(size), samples);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return db;
    }

    private static Path samplesFile(int size) {
        return ReadDataset.dir().resolve("pg-reads-" + size + ".samples");
    }

    private static List<String[]> samples(int size) {
        try {
            List<String[]> out = new ArrayList<>();
            for (String line : Files.readAllLines(samplesFile(size))) {
                out.add(line.split(" "));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<String> patterns(int size) {
        List<String> out = new ArrayList<>();
        for (String[] sample : samples(size)) {
            String p = sample[0];
            out.add(p.substring(0, 3) + "*" + p.charAt(p.length() - 1));
        }
        return out;
    }

    static List<String> sampleIds(int size) {
        List<String> out = new ArrayList<>();
        for (String[] sample : samples(size)) {
            out.add(sample[1]);
        }
        return out;
    }
}
