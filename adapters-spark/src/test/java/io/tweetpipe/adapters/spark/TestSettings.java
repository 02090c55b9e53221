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
        return SparkSettings.of("local[2]", batchInterval, "127.0.0.1", port, 1 << 20)
                .flatMap(settings -> settings.withUi(Option.none()))
                .flatMap(settings -> settings.withSparkConf("spark.streaming.receiverRestartDelay", "200"))
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
    }
}
