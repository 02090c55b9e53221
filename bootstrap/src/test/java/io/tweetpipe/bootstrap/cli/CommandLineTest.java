package io.tweetpipe.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static Options run(String... args) {
        return ((CommandLine.Run) CommandLine.parse(args).get()).options();
    }

    private static String mistake(String... args) {
        return CommandLine.parse(args).getLeft();
    }

    @Test
    void givenNothing_parse_runsTheDemoOnTheSeedsDefaults() {
        assertEquals(Options.defaults(), run());
        assertEquals(Mode.DEMO, run().mode());
        assertEquals(List.of("covid"), run().keywords());
        assertEquals(5555, run().port());
    }

    @Test
    void givenEveryOption_parse_readsThemAll() {
        Options options = run("relay", "--keywords", "covid, vaccine shot", "--languages", "en,es", "--port", "0",
                "--batch-interval", "500ms", "--master", "local[3]", "--replay-file", "tweets.jsonl", "--rate", "0",
                "--once", "--max-frame-bytes", "4096", "--run-for", "2m");

        assertEquals(Mode.RELAY, options.mode());
        assertEquals(List.of("covid", "vaccine shot"), options.keywords());
        assertEquals(List.of("en", "es"), options.languages());
        assertEquals(0, options.port());
        assertEquals(Duration.ofMillis(500), options.batchInterval());
        assertEquals("local[3]", options.master());
        assertEquals(Option.of(Path.of("tweets.jsonl")), options.replayFile());
        assertEquals(0.0, options.rate());
        assertEquals(false, options.loop());
        assertEquals(4096, options.maxFrameBytes());
        assertEquals(Option.of(Duration.ofMinutes(2)), options.runFor());
    }

    @Test
    void givenTheStreamsRateRecoveryAndRelayOptions_parse_readsThemAll() {
        Options options = run("stream", "--max-rate", "50000", "--backpressure", "--checkpoint", "/var/tmp/cp",
                "--relays", "127.0.0.1:5555, localhost:5556,[::1]:5557");

        assertEquals(Option.of(50_000L), options.maxRate());
        assertEquals(true, options.backpressure());
        assertEquals(Option.of("/var/tmp/cp"), options.checkpoint());
        assertEquals(List.of(new Options.Endpoint("127.0.0.1", 5555), new Options.Endpoint("localhost", 5556),
                new Options.Endpoint("::1", 5557)), options.relays());
    }

    @Test
    void givenNoneOfThem_parse_capsNothingButTurnsBackpressureOnAndReadsOneRelay() {
        Options options = run("stream");

        assertEquals(Option.none(), options.maxRate());
        assertEquals(true, options.backpressure());
        assertEquals(Option.none(), options.checkpoint());
        assertEquals(List.empty(), options.relays());
    }

    @Test
    void givenNoBackpressure_parse_turnsItOffAndTheLastWordWins() {
        assertEquals(false, run("stream", "--no-backpressure").backpressure());
        assertEquals(false, run("--max-rate", "1000", "--no-backpressure").backpressure());
        assertEquals(true, run("stream", "--no-backpressure", "--backpressure").backpressure());
        assertEquals(false, run("stream", "--backpressure", "--no-backpressure").backpressure());
    }

    @Test
    void givenHelp_usage_saysBackpressureIsTheDefaultAndHowToTurnItOff() {
        String usage = CommandLine.USAGE;

        assertTrue(usage.contains("--backpressure "), usage);
        assertTrue(usage.contains("(the default"), usage);
        assertTrue(usage.contains("--no-backpressure "), usage);
    }

    @Test
    void givenSparkSubmitsMaster_parse_makesItTheDefault() {
        String before = System.getProperty(Options.SPARK_MASTER_PROPERTY);
        try {
            System.setProperty(Options.SPARK_MASTER_PROPERTY, "spark://127.0.0.1:7077");
            assertEquals("spark://127.0.0.1:7077", run("stream").master());
            assertEquals("local[4]", run("stream", "--master", "local[4]").master(), "a flag still wins");
            System.clearProperty(Options.SPARK_MASTER_PROPERTY);
            assertEquals("local[2]", run("stream").master());
        } finally {
            if (before == null) {
                System.clearProperty(Options.SPARK_MASTER_PROPERTY);
            } else {
                System.setProperty(Options.SPARK_MASTER_PROPERTY, before);
            }
        }
    }

    @Test
    void givenWrongStreamOptions_parse_saysWhatIsWrongInOneLine() {
        assertEquals("--max-rate: the cap is at least 1 tweet per second", mistake("--max-rate", "0"));
        assertEquals("--max-rate: 'fast' is not a whole number of tweets per second", mistake("--max-rate", "fast"));
        assertEquals("--checkpoint needs a value", mistake("--checkpoint"));
        assertEquals("--checkpoint: give a directory", mistake("--checkpoint", " "));
        assertEquals("--relays: '127.0.0.1' is not host:port", mistake("stream", "--relays", "127.0.0.1"));
        assertEquals("--relays: '127.0.0.1:abc': 'abc' is not a whole number",
                mistake("stream", "--relays", "127.0.0.1:abc"));
        assertEquals("--relays: '127.0.0.1:0': 0 is not between 1 and 65535",
                mistake("stream", "--relays", "127.0.0.1:0"));
        assertEquals("--relays: each relay once: a relay sends every reader the whole stream",
                mistake("stream", "--relays", "127.0.0.1:1,127.0.0.1:1"));
        assertEquals("--relays belongs to the stream mode: the demo reads the relay on --host and --port",
                mistake("--relays", "127.0.0.1:5555"));
        assertEquals("--relays belongs to the stream mode: the relay reads the relay on --host and --port",
                mistake("relay", "--relays", "127.0.0.1:5555"));
    }

    @Test
    void givenHelp_parse_asksForHelp() {
        assertEquals(Either.right(new CommandLine.Help()), CommandLine.parse("stream", "--port", "1", "--help"));
    }

    @Test
    void givenMistakes_parse_saysWhatIsWrongInOneLine() {
        assertEquals("unknown mode 'relai': use demo, relay or stream", mistake("relai"));
        assertEquals("unknown option '--prot'", mistake("--prot", "1"));
        assertEquals("--port needs a value", mistake("--port"));
        assertEquals("--port: 'abc' is not a whole number", mistake("--port", "abc"));
        assertEquals("--port: 70000 is not between 0 and 65535", mistake("--port", "70000"));
        assertEquals("--rate: the rate is 0 (as fast as possible) or more", mistake("--rate", "-1"));
        assertEquals("--batch-interval: 'fast' is not a duration: write e.g. 1s, 500ms or 2m",
                mistake("--batch-interval", "fast"));
        assertEquals("--source: 'facebook' is not a source: use replay or twitter", mistake("--source", "facebook"));
        assertEquals("--stream-base-url: 'ftp://x' is not an http(s) URL", mistake("--stream-base-url", "ftp://x"));
    }

    @Test
    void givenNonLoopbackHost_parse_needsExpose() {
        assertEquals("--host 0.0.0.0 is not a loopback address: add --expose to serve tweets beyond this machine",
                mistake("--host", "0.0.0.0"));
        assertEquals("0.0.0.0", run("--host", "0.0.0.0", "--expose").host());
        assertEquals("localhost", run("--host", "localhost").host());
    }

    @Test
    void givenRelayOptionsInStreamMode_parse_refuses() {
        assertEquals("--replay-file and --record belong to the relay: the stream reads the relay's socket",
                mistake("stream", "--replay-file", "x.jsonl"));
    }
}
