package org.lpr.store;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fixed-size pool: at most {@code size} connections in use, opened lazily, kept open while idle,
 * rolled back and returned to auto-commit when given back, dropped when they broke.
 */
final class BoundedConnectionPool implements ConnectionSource {
    /** Opens a new raw connection. */
    interface Opener {
        Connection open() throws SQLException;
    }

    private final Opener opener;
    private final Dialect dialect;
    private final int size;
    private final Semaphore permits;
    private final ConcurrentLinkedQueue<Connection> idle = new ConcurrentLinkedQueue<>();
    private final long waitMillis;
    private volatile boolean closed;

    BoundedConnectionPool(Opener opener, Dialect dialect, int size, long waitMillis) {
        this.opener = opener;
        this.dialect = dialect;
        this.size = size;
        this.permits = new Semaphore(size, true);
        this.waitMillis = waitMillis;
    }

    @Override
    public Connection open() throws SQLException {
        if (closed) {
            throw new SQLException("connection pool is closed");
        }
        try {
            if (!permits.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
                throw new SQLException("no database connection came free within " + waitMillis + " ms; all " + size
                        + " are in use (raise poolSize)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting for a database connection", e);
        }
        try {
            Connection raw = idle.poll();
            if (raw == null || raw.isClosed()) {
                raw = opener.open();
                dialect.configure(raw);
            }
            return lease(raw);
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private Connection lease(Connection raw) {
        AtomicBoolean given = new AtomicBoolean();
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        if (given.compareAndSet(false, true)) {
                            giveBack(raw);
                        }
                        return null;
                    }
                    if (method.getName().equals("isClosed") && method.getParameterCount() == 0) {
                        return given.get() || raw.isClosed();
                    }
                    if (given.get()) {
                        throw new SQLException("connection was given back to the pool");
                    }
                    try {
                        return method.invoke(raw, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private void giveBack(Connection raw) {
        try {
            if (!raw.isClosed()) {
                if (!raw.getAutoCommit()) {
                    raw.rollback();
                    raw.setAutoCommit(true);
                }
                if (closed) {
                    raw.close();
                } else {
                    idle.offer(raw);
                }
            }
        } catch (SQLException e) {
            closeQuietly(raw);
        } finally {
            permits.release();
        }
    }

    @Override
    public void close() {
        closed = true;
        Connection c;
        while ((c = idle.poll()) != null) {
            closeQuietly(c);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // already broken; nothing more to release
        }
    }
}
