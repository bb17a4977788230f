package org.lpr.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/** What differs between the databases the store runs on: types, DDL for day partitions, batching, read-number lists. */
abstract class Dialect {
    /** The dialect's name, for messages. */
    abstract String name();

    String intType() {
        return "INTEGER";
    }

    abstract String bigintType();

    abstract String doubleType();

    String textType() {
        return "TEXT";
    }

    /** Settings applied to every new connection. */
    void configure(Connection c) throws SQLException {
    }

    /** The schema's versioned migrations, oldest first, numbered from 1 without gaps. */
    abstract List<SchemaMigrations.Migration> migrations();

    /** Statements that create the day partition {@code table} for captures in {@code [fromNanos, toNanos)}. */
    abstract List<String> createDayPartition(String table, long fromNanos, long toNanos);

    /** An insert of {@code rows} reads (every column) into {@code table}; with a unique id index it ignores ids already there. */
    abstract String insert(String table, int rows);

    /** Reads one insert statement carries: several per statement, or 1 and JDBC batches. */
    abstract int rowsPerInsert();

    /** The SQL condition restricting {@code column} to a list of {@code count} values bound by {@link #bindList}. */
    abstract String inList(String column, int count);

    /** Binds {@code values} for {@link #inList} from parameter {@code index}; returns the next parameter index. */
    abstract int bindList(Connection c, PreparedStatement ps, int index, int[] values) throws SQLException;

    /** The most read numbers one {@link #inList} holds. */
    abstract int listChunk();

    /** Above this many matching reads in a partition, scan it newest first instead of listing the read numbers. */
    abstract int scanAbove();

    /** Rows fetched per round trip while scanning. */
    int fetchSize() {
        return 1000;
    }

    /**
     * Whether the database keeps a unique index on read ids. The store finds ids through its in-memory
     * {@link ReadIds} either way; SQLite goes without, as the index on random ids costs most of its ingest time.
     */
    abstract boolean uniqueIds();

    /** Creates the table holding reads kept past their day's purge, with its index. */
    List<String> createHeldTable(String table) {
        return List.of("CREATE TABLE " + table + " (" + ReadColumns.definitions(this, true, uniqueIds()) + ")",
                "CREATE INDEX " + table + "_time ON " + table + " (captured_at, rid)");
    }
}
