package io.tweetpipe.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import org.junit.jupiter.api.Test;

/** The stream's flags, from the command line to the Spark adapter's settings, with the cores rule on the way. */
class StreamOptionsConfigTest {

    private static Validation<Seq<Rejection>, PipelineConfig> config(String... args) {
        return PipelineConfig.from(((CommandLine.Run) CommandLine.parse(args).get()).options());
    }

    @Test
    void givenRateRecoveryAndRelays_from_handsThemToSpark() {
        SparkSettings spark = config("stream", "--master", "local[3]", "--max-rate", "20000", "--backpressure",
                "--checkpoint", "/var/tmp/cp", "--relays", "127.0.0.1:5555,127.0.0.1:5556").get().spark();

        assertEquals(List.of(new SparkSettings.Relay("127.0.0.1", 5555), new SparkSettings.Relay("127.0.0.1", 5556)),
                spark.relays());
        assertEquals(Option.some(20_000L), spark.maxRate());
        assertTrue(spark.backpressure());
        assertEquals(Option.some("/var/tmp/cp"), spark.checkpoint());
    }

    @Test
    void givenNoRelays_from_readsTheRelayOnHostAndPort() {
        SparkSettings spark = config("stream", "--port", "5600").get().spark();

        assertEquals(List.of(new SparkSettings.Relay("127.0.0.1", 5600)), spark.relays());
        assertEquals(Option.none(), spark.maxRate());
        assertEquals(Option.none(), spark.checkpoint());
    }

    @Test
    void givenTwoRelaysOnTwoLocalThreads_from_refusesWithTheThreadsNeeded() {
        Seq<Rejection> problems = config("stream", "--master", "local[2]", "--relays", "127.0.0.1:1,127.0.0.1:2")
                .getError();

        assertEquals(1, problems.size(), problems::toString);
        assertEquals("master", problems.head().subject());
        assertTrue(problems.head().reason().contains("local[3]"), problems.head()::reason);
    }
}
