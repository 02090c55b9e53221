package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.contract.StreamEngineContract;
import io.tweetpipe.application.port.out.StreamEngine;
import org.junit.jupiter.api.AfterEach;

/** The stream engine's contract against a real local Spark reading a real loopback socket. */
class SparkStreamEngineContractTest extends StreamEngineContract {

    private LoopbackRelay relay;

    @Override
    protected StreamEngine engine() throws Exception {
        relay = new LoopbackRelay();
        return new SparkStreamEngine(TestSettings.reading(relay.port()));
    }

    @Override
    protected void feed(byte[] bytes) throws Exception {
        relay.send(bytes);
    }

    @AfterEach
    void closeRelay() throws Exception {
        if (relay != null) {
            relay.close();
        }
    }
}
