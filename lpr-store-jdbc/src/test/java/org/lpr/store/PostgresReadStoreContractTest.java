package org.lpr.store;

import org.lpr.core.spi.ReadStore;
import org.lpr.core.spi.ReadStoreContract;

class PostgresReadStoreContractTest extends ReadStoreContract {
    @Override
    protected ReadStore createStore() {
        return EmbeddedPostgresServer.open(EmbeddedPostgresServer.newDatabase());
    }
}
