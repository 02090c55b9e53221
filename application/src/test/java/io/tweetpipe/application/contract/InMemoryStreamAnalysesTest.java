package io.tweetpipe.application.contract;

import io.tweetpipe.application.memory.InMemoryStreamEngine;
import io.tweetpipe.application.port.out.StreamEngine;
import io.vavr.collection.Seq;
import java.time.Duration;

/** The analyses' contract on the in-memory engine, which is also the reference the other engines must match. */
class InMemoryStreamAnalysesTest extends StreamAnalysesContract {

    @Override
    protected StreamEngine engine(Duration batchInterval, Seq<Seq<byte[]>> batches) {
        return InMemoryStreamEngine.scheduled(batchInterval, batches);
    }
}
