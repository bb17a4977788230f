package org.lpr.store;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.lpr.core.spi.ReadStore;
import org.lpr.core.spi.ReadStoreContract;

class SqliteReadStoreContractTest extends ReadStoreContract {
    @TempDir
    Path dir;

    @Override
    protected ReadStore createStore() {
        return JdbcReadStore.sqlite(dir.resolve("reads.db")).build();
    }
}
