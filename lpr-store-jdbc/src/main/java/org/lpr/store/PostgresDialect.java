package org.lpr.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * PostgreSQL: native range partitions of table {@code reads} on the capture instant, one per day, so a
 * purge drops a partition; read-number lists travel as one {@code integer[]} parameter.
 */
final class PostgresDialect extends Dialect {
    @Override
    String name() {
        return "PostgreSQL";
    }

    @Override
    String bigintType() {
        return "BIGINT";
    }

    @Override
    String doubleType() {
        return "DOUBLE PRECISION";
    }

    @Override
    List<SchemaMigrations.Migration> migrations() {
        return List.of(new SchemaMigrations.Migration(1, "reads partitioned by day, partition catalog, evidentiary holds, held reads",
                List.of("CREATE TABLE reads (" + ReadColumns.definitions(this, false, false) + ") PARTITION BY RANGE (captured_at)",
                        "CREATE INDEX reads_time ON reads (captured_at, rid)",
                        "CREATE TABLE read_partitions (day BIGINT PRIMARY KEY, table_name TEXT NOT NULL)",
                        "CREATE TABLE holds (read_id TEXT NOT NULL, reference TEXT NOT NULL, held_at BIGINT NOT NULL, "
                                + "PRIMARY KEY (read_id, reference))",
                        "CREATE INDEX holds_reference ON holds (reference)",
                        createHeldTable(DayPartitionedStore.HELD_TABLE).get(0),
                        createHeldTable(DayPartitionedStore.HELD_TABLE).get(1))));
    }

    @Override
    List<String> createDayPartition(String table, long fromNanos, long toNanos) {
        // bounds are numbers the store computed, never user input
        return List.of("CREATE TABLE " + table + " PARTITION OF reads FOR VALUES FROM (" + fromNanos + ") TO (" + toNanos + ")",
                "ALTER TABLE " + table + " ADD PRIMARY KEY (rid)",
                "CREATE UNIQUE INDEX " + table + "_id ON " + table + " (id)");
    }

    @Override
    boolean uniqueIds() {
        return true;
    }

    @Override
    String insert(String table, int rows) {
        if (rows != 1) {
            throw new IllegalArgumentException("PostgreSQL inserts one read per statement, in JDBC batches");
        }
        return "INSERT INTO " + table + " (" + ReadColumns.NAMES + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING";
    }

    @Override
    int rowsPerInsert() {
        return 1;
    }

    @Override
    String inList(String column, int count) {
        return column + " = ANY (?)";
    }

    @Override
    int bindList(Connection c, PreparedStatement ps, int index, int[] values) throws SQLException {
        Integer[] boxed = new Integer[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        Array array = c.createArrayOf("integer", boxed);
        ps.setArray(index, array);
        return index + 1;
    }

    @Override
    int listChunk() {
        return 50_000;
    }

    @Override
    int scanAbove() {
        return 200_000;
    }
}
