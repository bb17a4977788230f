package org.lpr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * SQLite: one table per day (SQLite has no native partitions), write-ahead log, and {@code synchronous=FULL}
 * so a committed batch survives a crash of the process and of the machine.
 */
final class SqliteDialect extends Dialect {
    @Override
    String name() {
        return "SQLite";
    }

    @Override
    String bigintType() {
        return "INTEGER";
    }

    @Override
    String doubleType() {
        return "REAL";
    }

    @Override
    void configure(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("PRAGMA page_size=16384"); // takes effect only while the file is new
            s.execute("PRAGMA journal_mode=WAL");
            s.execute("PRAGMA synchronous=FULL");
            s.execute("PRAGMA busy_timeout=30000");
            s.execute("PRAGMA cache_size=-65536");
            s.execute("PRAGMA temp_store=MEMORY");
        }
    }

    @Override
    List<SchemaMigrations.Migration> migrations() {
        return List.of(new SchemaMigrations.Migration(1, "day partition catalog, evidentiary holds, held reads",
                List.of("CREATE TABLE read_partitions (day INTEGER PRIMARY KEY, table_name TEXT NOT NULL)",
                        "CREATE TABLE holds (read_id TEXT NOT NULL, reference TEXT NOT NULL, held_at INTEGER NOT NULL, "
                                + "PRIMARY KEY (read_id, reference))",
                        "CREATE INDEX holds_reference ON holds (reference)",
                        createHeldTable(DayPartitionedStore.HELD_TABLE).get(0),
                        createHeldTable(DayPartitionedStore.HELD_TABLE).get(1))));
    }

    @Override
    List<String> createDayPartition(String table, long fromNanos, long toNanos) {
        return createHeldTable(table);
    }

    @Override
    boolean uniqueIds() {
        return false;
    }

    @Override
    String insert(String table, int rows) {
        StringBuilder b = new StringBuilder("INSERT INTO ").append(table).append(" (").append(ReadColumns.NAMES).append(") VALUES ");
        for (int i = 0; i < rows; i++) {
            b.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        return b.toString();
    }

    @Override
    int rowsPerInsert() {
        return 50;
    }

    @Override
    String inList(String column, int count) {
        StringBuilder b = new StringBuilder(column).append(" IN (");
        for (int i = 0; i < count; i++) {
            b.append(i == 0 ? "?" : ", ?");
        }
        return b.append(')').toString();
    }

    @Override
    int bindList(Connection c, PreparedStatement ps, int index, int[] values) throws SQLException {
        for (int v : values) {
            ps.setInt(index++, v);
        }
        return index;
    }

    @Override
    int listChunk() {
        return 500;
    }

    @Override
    int scanAbove() {
        return 20_000;
    }
}
