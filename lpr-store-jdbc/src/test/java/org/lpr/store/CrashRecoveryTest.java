package org.lpr.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged reads survive a crash: a writer in another JVM ingests batches and prints the ids of each
 * committed batch; the test kills it with SIGKILL ({@code kill -9}) in mid-ingest, reopens the store and
 * finds every acknowledged read.
 */
class CrashRecoveryTest {
    private static final int KILL_AFTER_ACKS = 3_000;

    @TempDir
    Path dir;

    @Test
    void sqlite_killedWriter_keepsEveryAcknowledgedRead() throws Exception {
        Path db = dir.resolve("reads.db");
        Crash crash = crashWriter(dir, "sqlite", db.toString());
        try (JdbcReadStore store = JdbcReadStore.sqlite(db).build()) {
            assertEveryAcknowledgedReadIsThere(store, crash);
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("PRAGMA integrity_check")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("ok");
        }
    }

    @Test
    void postgres_killedWriter_keepsEveryAcknowledgedRead() throws Exception {
        String url = EmbeddedPostgresServer.newDatabase();
        Crash crash = crashWriter(dir, "postgres", url);
        try (JdbcReadStore store = EmbeddedPostgresServer.open(url)) {
            assertEveryAcknowledgedReadIsThere(store, crash);
        }
    }

    private static void assertEveryAcknowledgedReadIsThere(JdbcReadStore store, Crash crash) {
        assertThat(crash.acked()).as("writer output:%n%s", crash.log()).hasSizeGreaterThanOrEqualTo(KILL_AFTER_ACKS);
        assertThat(store.count()).isGreaterThanOrEqualTo(crash.acked().size());
        List<String> missing = new ArrayList<>();
        for (String id : crash.acked()) {
            if (store.find(id).isEmpty()) {
                missing.add(id);
            }
        }
        assertThat(missing).as("acknowledged reads lost in the crash").isEmpty();
        // the store still takes writes after recovery
        store.saveAll(List.of(StoreFixtures.read("AFTER1", StoreFixtures.DAY0)));
    }

    private record Crash(List<String> acked, String log) {
    }

    private static Crash crashWriter(Path dir, String kind, String target) throws IOException, InterruptedException {
        Path stderr = dir.resolve("writer.err");
        Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-cp", System.getProperty("java.class.path"), CrashWriter.class.getName(), kind, target)
                .redirectError(stderr.toFile()).start();
        List<String> acked = new ArrayList<>();
        CountDownLatch enough = new CountDownLatch(1);
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    if (line.startsWith("ACK ")) {
                        synchronized (acked) {
                            acked.add(line.substring(4));
                            if (acked.size() >= KILL_AFTER_ACKS) {
                                enough.countDown();
                            }
                        }
                    }
                }
            } catch (IOException ignored) {
                // the pipe breaks when the writer is killed
            }
        });
        reader.start();
        boolean reached = enough.await(120, TimeUnit.SECONDS);
        writer.destroyForcibly(); // SIGKILL on Linux and macOS: no shutdown hooks, no flush, no close
        writer.waitFor(30, TimeUnit.SECONDS);
        reader.join(30_000);
        String log = Files.exists(stderr) ? Files.readString(stderr) : "";
        assertThat(reached).as("writer acknowledged %d reads before the deadline; its stderr:%n%s", KILL_AFTER_ACKS, log).isTrue();
        assertThat(writer.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        synchronized (acked) {
            return new Crash(List.copyOf(acked), log);
        }
    }
}
