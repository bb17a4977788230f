/**
 * Read storage and historical search over JDBC: SQLite for one camera or laptop, PostgreSQL for
 * servers. Start at {@link org.lpr.store.JdbcReadStore}.
 */
@NullMarked
package org.lpr.store;

import org.jspecify.annotations.NullMarked;
