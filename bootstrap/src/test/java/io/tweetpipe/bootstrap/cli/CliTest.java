package io.tweetpipe.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.config.PipelineConfig.Mode;
import io.tweetpipe.bootstrap.testing.CommandLines;
import io.tweetpipe.domain.tweet.Language;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {

    static PipelineConfig run(String... args) {
        return CommandLines.config(args).toEither()
                .getOrElseThrow(mistakes -> new AssertionError(mistakes.mkString("\n")));
    }

    static SparkSettings spark(String... args) {
        return run(args).spark().get();
    }

    static Seq<String> mistakes(String... args) {
        Cli.Outcome outcome = Cli.parse(args, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8));
        return assertInstanceOf(Cli.Mistakes.class, outcome, String.join(" ", args)).lines();
    }

    /** The one mistake in a command line: there must be exactly one. */
    static String mistake(String... args) {
        Seq<String> lines = mistakes(args);
        assertEquals(1, lines.size(), lines::toString);
        return lines.head();
    }

    static String help(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        assertInstanceOf(Cli.Printed.class, Cli.parse(args, new PrintStream(out, true, StandardCharsets.UTF_8)));
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void givenTrainWithAModelDirectory_parse_learnsFromTheWholeBundledSampleOnceWithTheDefaults() {
        PipelineConfig config = run("train", "--model", "models/language");

        assertEquals(Mode.TRAIN, config.mode());
        assertEquals(io.vavr.control.Option.none(), config.replay().file(), "the bundled sample");
        assertEquals(false, config.replay().loop(), "read once");
        assertEquals(0.0, config.replay().rate(), "as fast as it reads");
        assertEquals(new io.tweetpipe.application.port.in.TrainLanguageModelUseCase.Plan("models/language"),
                config.training().get().plan());
        assertEquals(System.getenv("TWEETPIPE_MASTER") == null ? "local[2]" : System.getenv("TWEETPIPE_MASTER"),
                config.training().get().master());
        assertEquals(io.vavr.control.Option.none(), config.spark(), "no stream");
        assertEquals("model: give a directory to save the model in: --model DIR", mistake("train"));
        assertEquals("--keywords belongs to the demo and relay modes, not to the train",
                mistake("train", "--model", "m", "--keywords", "covid"));
    }

    @Test
    void givenNothing_parse_runsTheDemoOnTheSeedsDefaults() {
        PipelineConfig config = run();

        assertEquals(Mode.DEMO, config.mode());
        assertEquals(List.of("covid"), config.filter().phrases());
        assertEquals(5555, config.relay().port());
        assertEquals(List.of(new SparkSettings.Relay("127.0.0.1", 5555)), config.spark().get().relays());
    }

    @Test
    void givenEveryOption_parse_readsThemAll(@TempDir Path dir) throws Exception {
        Path tweets = Files.writeString(dir.resolve("tweets.jsonl"), "");
        PipelineConfig relay = run("relay", "--keywords", "covid, vaccine shot", "--languages", "en,es", "--port",
                "0", "--replay-file", tweets.toString(), "--rate", "0", "--once", "--max-frame-bytes", "4096",
                "--run-for", "2m");
        SparkSettings demo = spark("demo", "--batch-interval", "500ms", "--master", "local[3]");

        assertEquals(Mode.RELAY, relay.mode());
        assertEquals(List.of("covid", "vaccine shot"), relay.filter().phrases());
        assertEquals(io.vavr.collection.HashSet.of("en", "es"), relay.filter().languages().map(Language::code));
        assertEquals(0, relay.relay().port());
        assertEquals(Duration.ofMillis(500), demo.batchInterval());
        assertEquals("local[3]", demo.master());
        assertEquals(Option.of(tweets), relay.replay().file());
        assertEquals(0.0, relay.replay().rate());
        assertEquals(false, relay.replay().loop());
        assertEquals(4096, relay.relay().maxFrameBytes());
        assertEquals(Option.of(Duration.ofMinutes(2)), relay.runFor());
    }

    @Test
    void givenTheStreamsRateRecoveryAndRelayOptions_parse_readsThemAll() {
        SparkSettings spark = spark("stream", "--master", "local[4]", "--max-rate", "50000", "--backpressure",
                "--checkpoint", "/var/tmp/cp", "--relays", "127.0.0.1:5555, localhost:5556,[::1]:5557");

        assertEquals(Option.of(50_000L), spark.maxRate());
        assertEquals(true, spark.backpressure());
        assertEquals(Option.of("/var/tmp/cp"), spark.checkpoint());
        assertEquals(List.of(new SparkSettings.Relay("127.0.0.1", 5555), new SparkSettings.Relay("localhost", 5556),
                new SparkSettings.Relay("::1", 5557)), spark.relays());
    }

    @Test
    void givenNoneOfThem_parse_capsNothingButTurnsBackpressureOnAndReadsOneRelay() {
        SparkSettings spark = spark("stream");

        assertEquals(Option.none(), spark.maxRate());
        assertEquals(true, spark.backpressure());
        assertEquals(Option.none(), spark.checkpoint());
        assertEquals(List.of(new SparkSettings.Relay("127.0.0.1", 5555)), spark.relays());
    }

    @Test
    void givenNoBackpressure_parse_turnsItOffAndTheLastWordWins() {
        assertEquals(false, spark("stream", "--no-backpressure").backpressure());
        assertEquals(false, spark("--max-rate", "1000", "--no-backpressure").backpressure());
        assertEquals(true, spark("stream", "--no-backpressure", "--backpressure").backpressure());
        assertEquals(false, spark("stream", "--backpressure", "--no-backpressure").backpressure());
    }

    @Test
    void givenHelp_usage_saysBackpressureIsTheDefaultAndHowToTurnItOff() {
        String usage = help("stream", "--help");

        assertTrue(usage.contains("--[no-]backpressure "), usage);
        assertTrue(usage.contains("(the default"), usage);
        assertTrue(usage.contains("--no-backpressure "), usage);
    }

    @Test
    void givenSparkSubmitsMaster_parse_makesItTheDefault() {
        String before = System.getProperty("spark.master");
        try {
            System.setProperty("spark.master", "spark://127.0.0.1:7077");
            assertEquals("spark://127.0.0.1:7077", spark("stream").master());
            assertEquals("local[4]", spark("stream", "--master", "local[4]").master(), "a flag still wins");
            System.clearProperty("spark.master");
            assertEquals("local[2]", spark("stream").master());
        } finally {
            if (before == null) {
                System.clearProperty("spark.master");
            } else {
                System.setProperty("spark.master", before);
            }
        }
    }

    @Test
    void givenWrongStreamOptions_parse_saysWhatIsWrongInOneLine() {
        assertEquals("max rate: a whole number of tweets per second, 1 or more, got 0", mistake("--max-rate", "0"));
        assertEquals("Invalid value for option '--max-rate': 'fast' is not a long", mistake("--max-rate", "fast"));
        assertEquals("Missing required parameter for option '--checkpoint' (DIR)", mistake("--checkpoint"));
        assertEquals("checkpoint: give a directory", mistake("--checkpoint", " "));
        assertEquals("Invalid value for option '--relays' (LIST): '127.0.0.1' is not host:port",
                mistake("stream", "--relays", "127.0.0.1"));
        assertEquals("Invalid value for option '--relays' (LIST): '127.0.0.1:abc' is not host:port",
                mistake("stream", "--relays", "127.0.0.1:abc"));
        assertEquals("port: the relay's port is between 1 and 65535, got 0",
                mistake("stream", "--relays", "127.0.0.1:0"));
        assertEquals("relays: each relay once: a relay sends every reader the whole stream, so two receivers on one "
                + "relay would process every tweet twice", mistake("stream", "--master", "local[3]", "--relays",
                "127.0.0.1:1,127.0.0.1:1"));
        assertEquals("--relays belongs to the stream mode, not to the demo", mistake("--relays", "127.0.0.1:5555"));
        assertEquals("--relays belongs to the stream mode, not to the relay",
                mistake("relay", "--relays", "127.0.0.1:5555"));
    }

    @Test
    void givenHelp_parse_asksForHelp() {
        assertTrue(help("stream", "--port", "1", "--help").startsWith("Usage: tweetpipe stream [OPTIONS]"));
        assertTrue(help("--help").startsWith("Usage: tweetpipe [demo|relay|stream|train] [OPTIONS]"));
    }

    @Test
    void givenVersion_parse_printsThisBuildsVersion() {
        assertTrue(help("--version").matches("tweetpipe \\d+\\.\\d+\\.\\d+\\S* \\(Spark \\d\\S*, Java \\S+\\)\\R"),
                help("--version"));
        assertEquals(help("--version"), help("stream", "-V"));
    }

    @Test
    void givenMistakes_parse_saysWhatIsWrongInOneLine() {
        assertEquals("unknown mode 'relai': use demo, relay, stream or train", mistake("relai"));
        assertEquals("unknown option '--prot'", mistake("--prot", "1"));
        assertEquals("Missing required parameter for option '--port' (PORT)", mistake("--port"));
        assertEquals("Invalid value for option '--port': 'abc' is not an int", mistake("--port", "abc"));
        assertEquals("port: the port is between 0 and 65535, got 70000", mistake("relay", "--port", "70000"));
        assertEquals("rate: the rate is tweets per second, from 0 (as fast as possible) to 1000000; got -1.0",
                mistake("--rate", "-1"));
        assertEquals("Invalid value for option '--batch-interval': 'fast' is not a duration: write e.g. 1s, 500ms "
                + "or 2m", mistake("--batch-interval", "fast"));
        assertEquals("Invalid value for option '--source': expected one of [REPLAY, TWITTER, X] "
                + "(case-insensitive) but was 'facebook'", mistake("--source", "facebook"));
        assertTrue(mistakes("--source", "twitter", "--stream-base-url", "ftp://x").contains("stream URL: 'ftp://x' "
                + "is not an http(s) URL with a host, like https://stream.twitter.com/1.1/"));
        assertEquals("--once goes after the mode: tweetpipe relay --once", mistake("--once", "relay"));
    }

    @Test
    void givenNonLoopbackHost_parse_needsExpose() {
        assertEquals("--host: 0.0.0.0 is not a loopback address: add --expose to serve tweets beyond this machine",
                mistake("--host", "0.0.0.0"));
        assertEquals("0.0.0.0", run("--host", "0.0.0.0", "--expose").relay().host());
        assertEquals("localhost", run("--host", "localhost").relay().host());
    }

    @Test
    void givenRelayOptionsInStreamMode_parse_refuses() {
        assertEquals("--replay-file belongs to the demo, relay and train modes, not to the stream",
                mistake("stream", "--replay-file", "x.jsonl"));
    }
}
