package org.lpr.store;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.lpr.core.read.PlateRead;

/**
 * A writer process for the crash test: ingests batches forever and prints {@code ACK id} for every read of a
 * batch once {@code saveAll} has returned (the batch is committed). Arguments: {@code sqlite FILE} or
 * {@code postgres JDBC_URL}.
 */
public final class CrashWriter {
    private CrashWriter() {
    }

    public static void main(String[] args) {
        JdbcReadStore store = args[0].equals("sqlite")
                ? JdbcReadStore.sqlite(Path.of(args[1])).build()
                : JdbcReadStore.postgres(args[1], "postgres", "").poolSize(2).build();
        PrintStream out = System.out;
        Random random = new Random();
        Instant start = Instant.parse("2026-05-01T00:00:00Z");
        for (long n = 0; ; ) {
            List<PlateRead> batch = new ArrayList<>();
            for (int i = 0; i < 250; i++, n++) {
                batch.add(StoreFixtures.read(StoreFixtures.plate(random, StoreFixtures.PLATE_CHARS), start.plusMillis(n * 97)));
            }
            store.saveAll(batch);
            StringBuilder acks = new StringBuilder();
            for (PlateRead r : batch) {
                acks.append("ACK ").append(r.id()).append('\n');
            }
            out.print(acks);
            out.flush();
        }
    }
}
