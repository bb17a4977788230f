package org.lpr.store;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.lpr.core.StoreException;

/**
 * Keeps a database to one open store: the partial-plate index lives in that store's process, so a second
 * writer would leave it out of step. The operating system or the server drops the lock when the process dies.
 */
interface StoreLock extends AutoCloseable {
    @Override
    void close();

    /** An exclusive lock on {@code file}, waiting up to {@code wait} for a previous holder to go. */
    static StoreLock onFile(Path file, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            while (true) {
                FileLock lock;
                try {
                    lock = channel.tryLock();
                } catch (OverlappingFileLockException e) {
                    lock = null;
                }
                if (lock != null) {
                    FileLock held = lock;
                    return () -> {
                        try {
                            held.release();
                            channel.close();
                        } catch (IOException ignored) {
                            // the lock goes with the channel
                        }
                    };
                }
                if (System.nanoTime() > deadline) {
                    channel.close();
                    throw new StoreException("read store " + file + " is open in another store (lock held for over "
                            + wait.toSeconds() + " s); close it first");
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            throw new StoreException("cannot lock read store file " + file + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException("interrupted while waiting for the lock on " + file, e);
        }
    }

    /** A PostgreSQL session advisory lock on the current schema, held by {@code c} until closed. */
    static StoreLock advisory(Connection c, Duration wait) throws SQLException {
        long deadline = System.nanoTime() + wait.toNanos();
        try (Statement s = c.createStatement()) {
            while (true) {
                try (ResultSet rs = s.executeQuery("SELECT pg_try_advisory_lock(hashtext(current_schema()), 2026050)")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        return () -> {
                            // unlock explicitly: a pooled connection's session outlives close()
                            try (c; Statement u = c.createStatement()) {
                                u.execute("SELECT pg_advisory_unlock(hashtext(current_schema()), 2026050)");
                            } catch (SQLException ignored) {
                                // a dead session holds no lock
                            }
                        };
                    }
                }
                if (System.nanoTime() > deadline) {
                    c.close();
                    throw new StoreException("PostgreSQL read store schema is open in another store (advisory lock held for over "
                            + wait.toSeconds() + " s); close it first");
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            c.close();
            throw new StoreException("interrupted while waiting for the read store lock", e);
        }
    }
}
