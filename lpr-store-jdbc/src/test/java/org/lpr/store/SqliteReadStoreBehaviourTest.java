package org.lpr.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;

class SqliteReadStoreBehaviourTest extends ReadStoreBehaviourTest {
    @TempDir
    Path dir;

    @Override
    protected JdbcReadStore openNew() {
        return reopen();
    }

    @Override
    protected JdbcReadStore reopen() {
        return JdbcReadStore.sqlite(dir.resolve("reads.db")).lockWait(Duration.ZERO).build();
    }

    @Override
    protected Connection raw() throws SQLException {
        return DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("reads.db"));
    }

    @Override
    protected Set<String> readTables() throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = raw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'reads%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
