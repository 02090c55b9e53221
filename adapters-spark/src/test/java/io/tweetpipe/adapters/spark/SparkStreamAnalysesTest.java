package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.contract.StreamAnalysesContract;
import io.tweetpipe.application.port.out.StreamEngine;
import io.vavr.collection.Seq;
import java.time.Duration;

/** The analyses' contract on Spark Streaming ({@code local[2]}): the same results as the in-memory reference. */
class SparkStreamAnalysesTest extends StreamAnalysesContract {

    @Override
    protected StreamEngine engine(Duration batchInterval, Seq<Seq<byte[]>> batches) {
        return new SparkStreamEngine(TestSettings.reading(5555, batchInterval), ScheduledInput.of(batches));
    }
}
