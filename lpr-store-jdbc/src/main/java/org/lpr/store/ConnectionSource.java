package org.lpr.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Where the store gets connections; closing a connection gives it back. */
interface ConnectionSource extends AutoCloseable {
    /** A connection in auto-commit mode; the caller closes it. */
    Connection open() throws SQLException;

    /** Closes every connection the source holds. */
    @Override
    void close();

    /** Connections from an agency's own pool (HikariCP, a container's DataSource); the pool stays theirs to close. */
    static ConnectionSource of(DataSource dataSource, Dialect dialect) {
        return new ConnectionSource() {
            @Override
            public Connection open() throws SQLException {
                Connection c = dataSource.getConnection();
                dialect.configure(c);
                return c;
            }

            @Override
            public void close() {
            }
        };
    }
}
