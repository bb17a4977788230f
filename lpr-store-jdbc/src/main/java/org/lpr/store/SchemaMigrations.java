package org.lpr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.lpr.core.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Applies the dialect's versioned schema migrations on start, each in its own transaction, recorded in {@code schema_version}. */
final class SchemaMigrations {
    private static final Logger LOG = LoggerFactory.getLogger(SchemaMigrations.class);

    /**
     * One step of the schema.
     *
     * @param version its number, from 1 without gaps
     * @param description what it changes
     * @param statements the DDL it runs
     */
    record Migration(int version, String description, List<String> statements) {
        Migration {
            statements = List.copyOf(statements);
        }
    }

    private SchemaMigrations() {
    }

    /** Brings the schema to the newest version; returns the version it is at. */
    static int apply(Connection c, Dialect dialect) throws SQLException {
        List<Migration> migrations = dialect.migrations();
        for (int i = 0; i < migrations.size(); i++) {
            if (migrations.get(i).version() != i + 1) {
                throw new IllegalStateException("migration " + migrations.get(i).version() + " is out of sequence");
            }
        }
        int latest = migrations.size();
        boolean auto = c.getAutoCommit();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, "
                    + "description " + dialect.textType() + " NOT NULL, applied_at " + dialect.textType() + " NOT NULL)");
        }
        int current = current(c);
        if (current > latest) {
            throw new StoreException(dialect.name() + " read store schema is at version " + current
                    + ", newer than the " + latest + " this SDK knows; upgrade the SDK before opening it");
        }
        c.setAutoCommit(false);
        try {
            for (Migration m : migrations.subList(current, latest)) {
                try (Statement s = c.createStatement()) {
                    for (String sql : m.statements()) {
                        s.execute(sql);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                    ps.setInt(1, m.version());
                    ps.setString(2, m.description());
                    ps.setString(3, Instant.now().toString());
                    ps.executeUpdate();
                }
                c.commit();
                LOG.info("{} read store schema migrated to version {}: {}", dialect.name(), m.version(), m.description());
            }
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(auto);
        }
        return latest;
    }

    /** The version the schema is at, 0 for an empty database. */
    static int current(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
