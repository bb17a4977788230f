package org.lpr.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

class PostgresReadStoreBehaviourTest extends ReadStoreBehaviourTest {
    private String url;

    @Override
    protected JdbcReadStore openNew() {
        url = EmbeddedPostgresServer.newDatabase();
        return reopen();
    }

    @Override
    protected JdbcReadStore reopen() {
        return JdbcReadStore.postgres(url, "postgres", "").poolSize(4).lockWait(Duration.ZERO).build();
    }

    @Override
    protected Connection raw() throws SQLException {
        return DriverManager.getConnection(url, "postgres", "");
    }

    @Override
    protected Set<String> readTables() throws SQLException {
        Set<String> names = new HashSet<>();
        try (Connection c = raw(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE 'reads%'")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }
}
