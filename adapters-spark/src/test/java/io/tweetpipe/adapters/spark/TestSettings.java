package io.tweetpipe.adapters.spark;

import io.vavr.control.Option;
import java.time.Duration;

/** Settings for a quick local Spark reading a test's relay: short batches, no UI. */
final class TestSettings {

    static final Duration BATCH_INTERVAL = Duration.ofMillis(200);

    private TestSettings() {
    }

    static SparkSettings reading(int port) {
        return reading(port, BATCH_INTERVAL);
    }

    static SparkSettings reading(int port, Duration batchInterval) {
        return builder(port, batchInterval).build();
    }

    static SparkSettings.Builder builder(int port, Duration batchInterval) {
        return SparkSettings.builder("local[2]", batchInterval).relay("127.0.0.1", port).ui(Option.none())
                .sparkConf("spark.streaming.receiverRestartDelay", "200");
    }
}
