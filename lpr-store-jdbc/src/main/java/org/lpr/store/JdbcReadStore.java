package org.lpr.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.lpr.core.StoreException;
import org.lpr.core.read.PlateRead;
import org.lpr.core.spi.ReadPage;
import org.lpr.core.spi.ReadQuery;
import org.lpr.core.spi.ReadStore;

/**
 * A {@link ReadStore} on SQLite (one file, no server: a camera or a laptop) or PostgreSQL (servers),
 * with reads partitioned by UTC day, evidentiary holds that survive purges, and a RoaringBitmap
 * partial-plate index for exact, wildcard and misread-tolerant historical search.
 *
 * <pre>{@code
 * ReadStore store = JdbcReadStore.sqlite(Path.of("reads.db")).build();
 * ReadStore server = JdbcReadStore.postgres("jdbc:postgresql://db.agency.local:5432/lpr", "lpr", password)
 *         .poolSize(16).build();
 * }</pre>
 *
 * <p>This is plain storage: users reach it through lpr-policy, which checks purpose and authorization
 * and audits every search. One open store per database: the index lives in the store's process, and a
 * lock (a lock file beside the SQLite file, a PostgreSQL advisory lock) keeps a second one out.
 */
public final class JdbcReadStore implements ReadStore {
    private final DayPartitionedStore engine;

    private JdbcReadStore(DayPartitionedStore engine) {
        this.engine = engine;
    }

    /** A builder for a store in the SQLite file {@code file}, created when missing. */
    public static Builder sqlite(Path file) {
        return new Builder(Objects.requireNonNull(file, "file"), null, null, null, null);
    }

    /**
     * A builder for a store in an agency's PostgreSQL database, through the store's own connection pool.
     *
     * @param jdbcUrl for example {@code jdbc:postgresql://db.agency.local:5432/lpr?currentSchema=lpr&sslmode=verify-full}
     * @param user the database role the store logs in as
     * @param password its password; never printed
     */
    public static Builder postgres(String jdbcUrl, String user, String password) {
        return new Builder(null, jdbcUrl, user, password, null);
    }

    /** A builder for a store in PostgreSQL through an agency's own pool (HikariCP, an application server's DataSource). */
    public static Builder postgres(DataSource dataSource) {
        return new Builder(null, null, null, null, Objects.requireNonNull(dataSource, "dataSource"));
    }

    @Override
    public void saveAll(List<PlateRead> reads) {
        engine.saveAll(reads);
    }

    @Override
    public Optional<PlateRead> find(String id) {
        return engine.find(id);
    }

    /**
     * {@inheritDoc}
     *
     * @throws org.lpr.core.InvalidPlateException when the plate pattern holds only wildcards
     * @throws IllegalArgumentException when the query names over 1,000 cameras or pages past 1,000,000 reads
     */
    @Override
    public ReadPage search(ReadQuery query) {
        return engine.search(query);
    }

    @Override
    public int hold(Collection<String> readIds, String holdReference) {
        return engine.hold(readIds, holdReference);
    }

    @Override
    public int release(String holdReference) {
        return engine.release(holdReference);
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        return engine.purgeBefore(cutoff);
    }

    @Override
    public long count() {
        return engine.count();
    }

    /** Bytes the in-memory partial-plate index takes, roughly. */
    public long indexSizeInBytes() {
        return engine.indexSizeInBytes();
    }

    /** Closes the store's connections and releases its lock on the database. */
    @Override
    public void close() {
        engine.close();
    }

    /** Configures a {@link JdbcReadStore}; {@link #build()} checks every setting together. */
    public static final class Builder {
        private final Path file;
        private final String jdbcUrl;
        private final String user;
        private final String password;
        private final DataSource dataSource;
        private int poolSize = 8;
        private Duration lockWait = Duration.ofSeconds(10);
        private long searchCacheBytes = 64L << 20;

        private Builder(Path file, String jdbcUrl, String user, String password, DataSource dataSource) {
            this.file = file;
            this.jdbcUrl = jdbcUrl;
            this.user = user;
            this.password = password;
            this.dataSource = dataSource;
        }

        /** Connections the store's own pool opens at most, 1 to 256 (default 8); ignored with a DataSource. */
        public Builder poolSize(int poolSize) {
            this.poolSize = poolSize;
            return this;
        }

        /** How long opening waits for a previous store on the same database to go (default 10 s). */
        public Builder lockWait(Duration lockWait) {
            this.lockWait = Objects.requireNonNull(lockWait, "lockWait");
            return this;
        }

        /** Memory for cached partial-plate candidates (paging through one search reuses them), 0 to turn off; default 64 MiB. */
        public Builder searchCacheBytes(long bytes) {
            this.searchCacheBytes = bytes;
            return this;
        }

        /**
         * Opens the store: checks the settings, takes the database's lock, applies pending schema
         * migrations and rebuilds the partial-plate index from the stored reads.
         *
         * @throws IllegalArgumentException naming every bad setting
         * @throws StoreException when the database cannot be opened, is locked, or has a newer schema
         */
        public JdbcReadStore build() {
            List<String> problems = new ArrayList<>();
            if (poolSize < 1 || poolSize > 256) {
                problems.add("poolSize " + poolSize + " is outside 1..256");
            }
            if (lockWait.isNegative()) {
                problems.add("lockWait " + lockWait + " is negative");
            }
            if (searchCacheBytes < 0) {
                problems.add("searchCacheBytes " + searchCacheBytes + " is negative");
            }
            if (file != null && file.toAbsolutePath().getParent() != null && !Files.isDirectory(file.toAbsolutePath().getParent())) {
                problems.add("folder of SQLite file " + file + " does not exist");
            }
            if (file == null && dataSource == null) {
                if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql:")) {
                    problems.add("PostgreSQL JDBC URL '" + jdbcUrl + "' must start with jdbc:postgresql:");
                }
                if (user == null || user.isBlank()) {
                    problems.add("PostgreSQL user is missing");
                }
                if (password == null) {
                    problems.add("PostgreSQL password is missing (pass \"\" for none)");
                }
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("read store settings are invalid: " + String.join("; ", problems));
            }
            return file != null ? openSqlite() : openPostgres();
        }

        private JdbcReadStore openSqlite() {
            Dialect dialect = new SqliteDialect();
            Path absolute = file.toAbsolutePath();
            StoreLock lock = StoreLock.onFile(absolute.resolveSibling(absolute.getFileName() + ".lock"), lockWait);
            String url = "jdbc:sqlite:" + absolute;
            ConnectionSource source = new BoundedConnectionPool(() -> DriverManager.getConnection(url), dialect, poolSize, 30_000);
            return new JdbcReadStore(DayPartitionedStore.open(dialect, source, lock, absolute.toString(), searchCacheBytes));
        }

        private JdbcReadStore openPostgres() {
            Dialect dialect = new PostgresDialect();
            ConnectionSource source;
            String where;
            if (dataSource != null) {
                source = ConnectionSource.of(dataSource, dialect);
                where = "(agency DataSource)";
            } else {
                Properties props = new Properties();
                props.setProperty("user", user);
                props.setProperty("password", password);
                source = new BoundedConnectionPool(() -> DriverManager.getConnection(jdbcUrl, props), dialect, poolSize, 30_000);
                where = withoutSecrets(jdbcUrl);
            }
            StoreLock lock;
            try {
                Connection lockConnection = source.open();
                lock = StoreLock.advisory(lockConnection, lockWait);
            } catch (SQLException e) {
                source.close();
                throw new StoreException("cannot connect to PostgreSQL read store " + where + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                source.close();
                throw e;
            }
            return new JdbcReadStore(DayPartitionedStore.open(dialect, source, lock, where, searchCacheBytes));
        }

        private static String withoutSecrets(String url) {
            return url.replaceAll("(?i)(password|sslpassword)=[^&]*", "$1=***");
        }

        @Override
        public String toString() {
            return "JdbcReadStore.Builder[" + (file != null ? "sqlite " + file : dataSource != null ? "postgres DataSource"
                    : "postgres " + (jdbcUrl == null ? "null" : withoutSecrets(jdbcUrl)) + " as " + user + ", password ***")
                    + ", poolSize " + poolSize + "]";
        }
    }
}
