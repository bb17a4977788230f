package org.lpr.policy;

import org.lpr.core.spi.ReadStore;
import org.lpr.core.spi.ReadStoreContract;

/** The test store keeps core's ReadStore contract, so the policy is tested against a real store. */
class MemoryReadStoreContractTest extends ReadStoreContract {
    @Override
    protected ReadStore createStore() {
        return new MemoryReadStore();
    }
}
