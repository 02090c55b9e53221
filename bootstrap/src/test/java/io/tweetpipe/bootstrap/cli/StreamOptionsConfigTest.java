package io.tweetpipe.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.testing.CommandLines;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Test;

/** The stream's flags, from the command line to the Spark adapter's settings, with the cores rule on the way. */
class StreamOptionsConfigTest {

    private static Validation<Seq<String>, PipelineConfig> config(String... args) {
        return CommandLines.config(args);
    }

    @Test
    void givenRateRecoveryAndRelays_from_handsThemToSpark() {
        SparkSettings spark = config("stream", "--master", "local[3]", "--max-rate", "20000", "--backpressure",
                "--checkpoint", "/var/tmp/cp", "--relays", "127.0.0.1:5555,127.0.0.1:5556").get().spark().get();

        assertEquals(List.of(new SparkSettings.Relay("127.0.0.1", 5555), new SparkSettings.Relay("127.0.0.1", 5556)),
                spark.relays());
        assertEquals(Option.some(20_000L), spark.maxRate());
        assertTrue(spark.backpressure());
        assertEquals(Option.some("/var/tmp/cp"), spark.checkpoint());
    }

    @Test
    void givenNoRelays_from_readsTheRelayOnHostAndPort() {
        SparkSettings spark = config("stream", "--port", "5600").get().spark().get();

        assertEquals(List.of(new SparkSettings.Relay("127.0.0.1", 5600)), spark.relays());
        assertEquals(Option.none(), spark.maxRate());
        assertEquals(Option.none(), spark.checkpoint());
    }

    @Test
    void givenNoRateOption_from_turnsBackpressureOnInEveryModeWithAStream() {
        assertTrue(config("stream").get().spark().get().backpressure());
        assertTrue(config("demo").get().spark().get().backpressure());
        assertTrue(config("stream", "--backpressure").get().spark().get().backpressure(), "still accepted");
    }

    @Test
    void givenNoBackpressure_from_turnsItOffForSpark() {
        SparkSettings spark = config("stream", "--no-backpressure").get().spark().get();

        assertFalse(spark.backpressure());
        assertEquals(Option.some("false"), spark.sparkConf().get(SparkSettings.BACKPRESSURE), "said, not left out");
    }

    @Test
    void givenRelayOnPortZero_from_acceptsItWithNoStreamSettings() {
        PipelineConfig relay = config("relay", "--port", "0").get();

        assertEquals(0, relay.relay().port());
        assertEquals(Option.none(), relay.spark());
    }

    @Test
    void givenStreamOrDemoOnPortZero_from_refusesWithThePortRule() {
        for (String mode : List.of("stream", "demo")) {
            Seq<String> problems = config(mode, "--port", "0").getError();

            assertEquals(List.of("port: the relay's port is between 1 and 65535, got 0"), problems, mode);
        }
    }

    @Test
    void givenTwoRelaysOnTwoLocalThreads_from_refusesWithTheThreadsNeeded() {
        Seq<String> problems = config("stream", "--master", "local[2]", "--relays", "127.0.0.1:1,127.0.0.1:2")
                .getError();

        assertEquals(1, problems.size(), problems::toString);
        assertTrue(problems.head().startsWith("master: "), problems::toString);
        assertTrue(problems.head().contains("local[3]"), problems::head);
    }
}
