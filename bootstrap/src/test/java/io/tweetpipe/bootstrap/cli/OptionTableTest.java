package io.tweetpipe.bootstrap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tweetpipe.adapters.files.FileSettings;
import io.tweetpipe.adapters.spark.KafkaSource;
import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.adapters.twitter.live.BearerToken;
import io.tweetpipe.adapters.twitter.live.TwitterCredentials;
import io.tweetpipe.adapters.web.DashboardSettings;
import io.tweetpipe.bootstrap.config.KafkaTransport;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.config.PipelineConfig.SourceKind;
import io.tweetpipe.bootstrap.testing.CommandLines;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.tweet.Language;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;

/**
 * Every option of every mode: what a run has when it is not given, what one valid value makes of it, and what one
 * invalid value is told. A new option without a row here fails {@link #everyOptionOfEveryMode_hasARow()}.
 */
class OptionTableTest {

    /** What a command line gives when the only thing it lacks is Twitter credentials, which tests never have. */
    private static final String ONLY_CREDENTIALS_MISSING = "accepted, but for the credentials";

    @TempDir
    static Path dir;

    private static Path tweets;

    @BeforeAll
    static void aRecording() throws IOException {
        tweets = Files.writeString(dir.resolve("tweets.jsonl"), "");
    }

    /**
     * @param mode the mode the option is tried in, with nothing else given but {@code valid} or {@code invalid}
     * @param read what of the outcome shows the option: a part of the settings, or the mistakes
     */
    record Row(String option, String mode, Function<Validation<Seq<String>, PipelineConfig>, Object> read,
               Object byDefault, List<String> valid, Object parsed, List<String> invalid, String message) {
        @Override
        public String toString() {
            return mode + " " + option;
        }
    }

    private static Function<Validation<Seq<String>, PipelineConfig>, Object> config(Function<PipelineConfig, ?> part) {
        return outcome -> part.apply(outcome.toEither()
                .getOrElseThrow(mistakes -> new AssertionError(mistakes.mkString("\n"))));
    }

    private static Function<Validation<Seq<String>, PipelineConfig>, Object> spark(Function<SparkSettings, ?> part) {
        return config(c -> part.apply(c.spark().get()));
    }

    private static Function<Validation<Seq<String>, PipelineConfig>, Object> training(
            Function<io.tweetpipe.application.port.in.TrainLanguageModelUseCase.Plan, ?> part) {
        return config(c -> part.apply(c.training().get().plan()));
    }

    /** For the live source's options: a valid value leaves nothing wrong but the missing credentials. */
    private static Object accepted(Validation<Seq<String>, PipelineConfig> outcome) {
        return outcome.isInvalid() && outcome.getError().forAll(line -> line.startsWith("credentials: "))
                ? ONLY_CREDENTIALS_MISSING : outcome;
    }

    private static Seq<Subject> subjects(PipelineConfig config) {
        return config.analyses().filter(Analysis.Trending.class::isInstance)
                .map(a -> ((Analysis.Trending) a).subject());
    }

    private static Analysis.Trending trending(PipelineConfig config) {
        return (Analysis.Trending) config.analyses().head();
    }

    private static Set<String> languages(PipelineConfig config) {
        return config.filter().languages().map(Language::code);
    }

    static Stream<Row> rows() {
        String badDirectory = dir.resolve("no/such/dir").toString();
        return Stream.of(
                new Row("--keywords", "relay", config(c -> c.filter().phrases()), List.of("covid"),
                        List.of("--keywords", "covid, vaccine shot"), List.of("covid", "vaccine shot"),
                        List.of("--keywords", ""), "keywords: give at least one keyword to track"),
                new Row("--languages", "relay", config(OptionTableTest::languages), HashSet.of("en"),
                        List.of("--languages", "en, es"), HashSet.of("en", "es"), List.of("--languages", "english"),
                        "language: 'english' is not a language code (BCP 47, e.g. en, es, pt, zh-cn)"),
                new Row("--languages", "demo", config(OptionTableTest::languages), HashSet.of("en"),
                        List.of("--languages", ""), HashSet.empty(), List.of("--languages", "en,e"),
                        "language: 'e' is not a language code (BCP 47, e.g. en, es, pt, zh-cn)"),
                new Row("--host", "relay", config(c -> c.relay().host()), "127.0.0.1",
                        List.of("--host", "localhost"), "localhost", List.of("--host", " "),
                        "host: give the relay a host to listen on, e.g. 127.0.0.1"),
                new Row("--host", "stream", spark(SparkSettings::host), "127.0.0.1",
                        List.of("--host", "::1"), "::1", List.of("--host", "0.0.0.0"), "--host: 0.0.0.0 is not a "
                        + "loopback address: add --expose to serve tweets beyond this machine"),
                new Row("--port", "relay", config(c -> c.relay().port()), 5555,
                        List.of("--port", "0"), 0, List.of("--port", "65536"),
                        "port: the port is between 0 and 65535, got 65536"),
                new Row("--port", "stream", spark(SparkSettings::port), 5555,
                        List.of("--port", "5600"), 5600, List.of("--port", "abc"),
                        "Invalid value for option '--port': 'abc' is not an int"),
                new Row("--expose", "relay", config(c -> c.relay().host()), "127.0.0.1",
                        List.of("--expose", "--host", "0.0.0.0"), "0.0.0.0", List.of("--expose=maybe"),
                        "Invalid value for option '--expose': 'maybe' is not a boolean"),
                new Row("--max-frame-bytes", "relay", config(c -> c.relay().maxFrameBytes()), 1 << 20,
                        List.of("--max-frame-bytes", "7"), 7, List.of("--max-frame-bytes", "6"),
                        "max frame bytes: the frame cap is between 7 and 67108864 bytes, got 6"),
                new Row("--max-frame-bytes", "stream", spark(SparkSettings::maxFrameBytes), 1 << 20,
                        List.of("--max-frame-bytes", "67108864"), 64 << 20, List.of("--max-frame-bytes", "67108865"),
                        "max frame bytes: the frame cap is between 7 and 67108864 bytes, got 67108865"),
                new Row("--source", "relay", config(PipelineConfig::source), SourceKind.REPLAY,
                        List.of("--source", "Replay"), SourceKind.REPLAY, List.of("--source", "facebook"),
                        "Invalid value for option '--source': expected one of [REPLAY, TWITTER, X] "
                        + "(case-insensitive) but was 'facebook'"),
                new Row("--source", "relay", OptionTableTest::accepted, null,
                        List.of("--source", "X"), ONLY_CREDENTIALS_MISSING, List.of("--source", "x2"),
                        "Invalid value for option '--source': expected one of [REPLAY, TWITTER, X] "
                        + "(case-insensitive) but was 'x2'"),
                new Row("--source", "demo", OptionTableTest::accepted, null,
                        List.of("--source", "twitter"), ONLY_CREDENTIALS_MISSING, List.of("--source"),
                        "Missing required parameter for option '--source' (replay|twitter|x)"),
                new Row("--replay-file", "relay", config(c -> c.replay().file()), Option.none(),
                        List.of("--replay-file", tweets.toString()), Option.some(tweets),
                        List.of("--replay-file", badDirectory), "replay file: " + badDirectory + " does not exist"),
                new Row("--rate", "relay", config(c -> c.replay().rate()), 100.0,
                        List.of("--rate", "0.5"), 0.5, List.of("--rate", "-1"),
                        "rate: the rate is tweets per second, from 0 (as fast as possible) to 1000000; got -1.0"),
                new Row("--once", "demo", config(c -> c.replay().loop()), true,
                        List.of("--once"), false, List.of("--once=perhaps"),
                        "Invalid value for option '--once': 'perhaps' is not a boolean"),
                new Row("--record", "relay", OptionTableTest::accepted, null,
                        List.of("--source", "twitter", "--record", dir.resolve("rec.jsonl").toString()),
                        ONLY_CREDENTIALS_MISSING, List.of("--source", "twitter", "--record", badDirectory + "/r.jsonl"),
                        "recording: the directory " + badDirectory + " does not exist"),
                new Row("--stream-base-url", "relay", OptionTableTest::accepted, null,
                        List.of("--source", "twitter", "--stream-base-url", "http://127.0.0.1:8080/1.1"),
                        ONLY_CREDENTIALS_MISSING, List.of("--source", "twitter", "--stream-base-url", "ftp://x"),
                        "stream URL: 'ftp://x' is not an http(s) URL with a host, like "
                        + "https://stream.twitter.com/1.1/"),
                new Row("--record", "demo", OptionTableTest::accepted, null,
                        List.of("--source", "x", "--record", dir.resolve("rec.jsonl").toString()),
                        ONLY_CREDENTIALS_MISSING, List.of("--source", "x", "--record", badDirectory + "/r.jsonl"),
                        "recording: the directory " + badDirectory + " does not exist"),
                new Row("--x-api-url", "relay", OptionTableTest::accepted, null,
                        List.of("--source", "x", "--x-api-url", "http://127.0.0.1:8080/2"),
                        ONLY_CREDENTIALS_MISSING, List.of("--source", "x", "--x-api-url", "ftp://x"),
                        "stream URL: 'ftp://x' is not an http(s) URL with a host, like https://api.x.com/2/"),
                new Row("--verbose", "relay", config(PipelineConfig::verbose), false,
                        List.of("--verbose"), true, List.of("--verbose=loud"),
                        "Invalid value for option '--verbose': 'loud' is not a boolean"),
                new Row("--verbose", "demo", config(PipelineConfig::verbose), false,
                        List.of("--verbose"), true, List.of("--verbose=yes"),
                        "Invalid value for option '--verbose': 'yes' is not a boolean"),
                new Row("--batch-interval", "stream", spark(SparkSettings::batchInterval), Duration.ofSeconds(1),
                        List.of("--batch-interval", "500ms"), Duration.ofMillis(500), List.of("--batch-interval", "0"),
                        "batch interval: a whole, positive number of milliseconds, got PT0S"),
                new Row("--batch-interval", "demo", spark(SparkSettings::batchInterval), Duration.ofSeconds(1),
                        List.of("--batch-interval", "2m"), Duration.ofMinutes(2), List.of("--batch-interval", "1h"),
                        "Invalid value for option '--batch-interval': '1h' is not a duration: write e.g. 1s, 500ms "
                        + "or 2m"),
                new Row("--master", "stream", spark(SparkSettings::master), "local[2]",
                        List.of("--master", "spark://127.0.0.1:7077"), "spark://127.0.0.1:7077",
                        List.of("--master", "local[1]"), "master: local[1] runs one thread, which the receiver "
                        + "keeps busy, so no batch would ever be processed; use local[2] or more"),
                new Row("--max-rate", "stream", spark(SparkSettings::maxRate), Option.none(),
                        List.of("--max-rate", "20000"), Option.some(20_000L), List.of("--max-rate", "0"),
                        "max rate: a whole number of tweets per second, 1 or more, got 0"),
                new Row("--backpressure", "stream", spark(SparkSettings::backpressure), true,
                        List.of("--no-backpressure"), false, List.of("--backpressure=often"),
                        "Invalid value for option '--backpressure': 'often' is not a boolean"),
                new Row("--checkpoint", "stream", spark(SparkSettings::checkpoint), Option.none(),
                        List.of("--checkpoint", "/var/tmp/cp"), Option.some("/var/tmp/cp"),
                        List.of("--checkpoint", ""), "checkpoint: give a directory"),
                new Row("--relays", "stream", spark(SparkSettings::relays),
                        List.of(new SparkSettings.Relay("127.0.0.1", 5555)),
                        List.of("--master", "local[3]", "--relays", "127.0.0.1:5555,[::1]:5556"),
                        List.of(new SparkSettings.Relay("127.0.0.1", 5555), new SparkSettings.Relay("::1", 5556)),
                        List.of("--relays", "127.0.0.1"),
                        "Invalid value for option '--relays' (LIST): '127.0.0.1' is not host:port"),
                new Row("--replay-file", "train", config(c -> c.replay().file()), null,
                        List.of("--model", "m", "--replay-file", tweets.toString()), Option.some(tweets),
                        List.of("--model", "m", "--replay-file", badDirectory),
                        "replay file: " + badDirectory + " does not exist"),
                new Row("--model", "train", training(plan -> plan.modelDirectory()), null,
                        List.of("--model", "models/language"), "models/language", List.of("--model", " "),
                        "model: give a directory to save the model in: --model DIR"),
                new Row("--held-out", "train", training(plan -> plan.heldOutShare()), null,
                        List.of("--model", "m", "--held-out", "0.1"), 0.1, List.of("--model", "m", "--held-out", "1"),
                        "held-out: a share between 0 and 1, both excluded, got 1.0"),
                new Row("--seed", "train", training(plan -> plan.seed()), null,
                        List.of("--model", "m", "--seed", "7"), 7L, List.of("--model", "m", "--seed", "x"),
                        "Invalid value for option '--seed': 'x' is not a long"),
                new Row("--master", "train", config(c -> c.training().get().master()), null,
                        List.of("--model", "m", "--master", "local[4]"), "local[4]", List.of("--model", "m", "--master"),
                        "Missing required parameter for option '--master' (URL)"),
                new Row("--wire", "relay", config(PipelineConfig::wire), Wire.TEXT,
                        List.of("--wire", "structured"), Wire.STRUCTURED, List.of("--wire", "json"),
                        "Invalid value for option '--wire': expected one of [TEXT, STRUCTURED] (case-insensitive) "
                        + "but was 'json'"),
                new Row("--wire", "demo", config(PipelineConfig::wire), Wire.STRUCTURED,
                        List.of("--wire", "text"), Wire.TEXT, List.of("--wire"),
                        "Missing required parameter for option '--wire' (text|structured)"),
                new Row("--transport", "demo", config(c -> c.kafka().isDefined()), false,
                        List.of("--transport", "Kafka"), true, List.of("--transport", "pigeon"),
                        "Invalid value for option '--transport': expected one of [SOCKET, KAFKA] (case-insensitive) "
                        + "but was 'pigeon'"),
                new Row("--kafka-bootstrap", "stream", config(c -> c.kafka().flatMap(KafkaTransport::bootstrapServers)),
                        Option.none(), List.of("--transport", "kafka", "--kafka-bootstrap", "127.0.0.1:9092"),
                        Option.some("127.0.0.1:9092"), List.of("--transport", "kafka"), "--kafka-bootstrap: give the "
                        + "Kafka brokers, e.g. 127.0.0.1:9092: only the demo starts a broker of its own"),
                new Row("--kafka-topic", "demo", config(c -> c.kafka().map(KafkaTransport::topic)), Option.none(),
                        List.of("--transport", "kafka", "--kafka-topic", "covid"), Option.some("covid"),
                        List.of("--transport", "kafka", "--kafka-topic", " "), "--kafka-topic: give a topic"),
                new Row("--kafka-group", "relay", config(c -> c.kafka().map(KafkaTransport::group)), Option.none(),
                        List.of("--transport", "kafka", "--kafka-bootstrap", "b:9092", "--kafka-group", "g"),
                        Option.some("g"), List.of("--transport", "kafka", "--kafka-group", ""),
                        "--kafka-group: give a consumer group"),
                new Row("--kafka-start", "demo", config(c -> c.kafka().map(KafkaTransport::start)), Option.none(),
                        List.of("--transport", "kafka", "--kafka-start", "Earliest"),
                        Option.some(KafkaSource.Start.EARLIEST), List.of("--kafka-start", "middle"),
                        "Invalid value for option '--kafka-start': expected one of [EARLIEST, LATEST, COMMITTED] "
                        + "(case-insensitive) but was 'middle'"),
                new Row("--trends", "demo", config(OptionTableTest::subjects), List.of(Subject.HASHTAGS),
                        List.of("--trends", "words,Mentions"), List.of(Subject.WORDS, Subject.MENTIONS),
                        List.of("--trends", "hashtags,emoji"), "Invalid value for option '--trends': 'emoji' "
                        + "is not a subject: use hashtags, words, mentions or none"),
                new Row("--trends", "stream", config(OptionTableTest::subjects), List.empty(),
                        List.of("--trends", "hashtags"), List.of(Subject.HASHTAGS), List.of("--trends", ""),
                        "Invalid value for option '--trends': give hashtags, words, mentions or none"),
                new Row("--window", "demo", config(c -> trending(c).window().length()), Duration.ofSeconds(60),
                        List.of("--window", "30s"), Duration.ofSeconds(30), List.of("--window", "1500ms"),
                        "window: the window (1500ms) is not a whole multiple of the batch interval (1s)"),
                new Row("--slide", "demo", config(c -> trending(c).window().slide()), Duration.ofSeconds(10),
                        List.of("--slide", "5s"), Duration.ofSeconds(5), List.of("--slide", "2m"),
                        "slide: the slide (120s) is longer than its window (60s): some batches would be in no window"),
                new Row("--top", "demo", config(c -> trending(c).top()), 10,
                        List.of("--top", "3"), 3, List.of("--top", "0"), "--top: 0 is not between 1 and 100"),
                new Row("--totals", "stream", config(c -> c.analyses().filter(Analysis.RunningTotals.class::isInstance)
                        .size()), 0, List.of("--totals"), 1, List.of("--totals=yes"),
                        "Invalid value for option '--totals': 'yes' is not a boolean"),
                new Row("--idle-timeout", "stream", config(c -> c.analyses().headOption()
                        .map(a -> ((Analysis.RunningTotals) a).idleTimeout())), Option.none(),
                        List.of("--totals", "--idle-timeout", "1m"), Option.some(Duration.ofMinutes(1)),
                        List.of("--totals", "--idle-timeout", "500ms"),
                        "--idle-timeout: shorter than a batch: nothing would be kept"),
                new Row("--sql", "stream", config(c -> c.analyses().map(Analysis::name)), List.empty(),
                        List.of("--sql", "SELECT lang, count(*) AS n FROM tweets GROUP BY lang"), List.of("sql"),
                        List.of("--sql", "SELECT lang FROMM tweets"), "sql: [PARSE_SYNTAX_ERROR] Syntax error at or "
                        + "near 'tweets': extra input 'tweets'. SQLSTATE: 42601 (line 1, pos 18)"),
                new Row("--sql-window", "stream", config(c -> c.analyses().map(a -> ((Analysis.Sql) a).window()
                        .map(Window::length))), List.empty(),
                        List.of("--sql", "SELECT 1 FROM tweets", "--sql-window", "20s"),
                        List.of(Option.some(Duration.ofSeconds(20))),
                        List.of("--sql", "SELECT 1 FROM tweets", "--sql-window", "5s"),
                        "slide: the slide (10s) is longer than its window (5s): some batches would be in no window"),
                new Row("--dashboard", "demo", config(c -> c.dashboard().map(DashboardSettings::port)),
                        Option.some(8055),
                        List.of("--no-dashboard"), Option.none(), List.of("--dashboard=always"),
                        "Invalid value for option '--dashboard': 'always' is not a boolean"),
                new Row("--dashboard-port", "stream", config(c -> c.dashboard().map(DashboardSettings::port)),
                        Option.none(), List.of("--dashboard-port", "0"), Option.some(0),
                        List.of("--dashboard-port", "70000"),
                        "dashboard: the dashboard's port is between 0 and 65535 (0: any free port), got 70000"),
                new Row("--sinks", "stream", config(c -> List.of(c.storage().console(), c.storage().files().isDefined(),
                        c.storage().databases().size())), List.of(true, false, 0),
                        List.of("--sinks", "files,db", "--files-dir", dir.resolve("out").toString(), "--db-file",
                        dir.resolve("t.db").toString()), List.of(false, true, 1), List.of("--sinks", "kafka"),
                        "Invalid value for option '--sinks' (LIST): expected one of [CONSOLE, FILES, DB, POSTGRES] "
                        + "(case-insensitive) but was 'kafka'"),
                new Row("--files-dir", "demo", config(c -> c.storage().files().map(FileSettings::directory)),
                        Option.none(), List.of("--sinks", "files", "--files-dir", dir.resolve("o").toString()),
                        Option.some(dir.resolve("o").toString()),
                        List.of("--sinks", "files", "--files-dir", ""), "files-dir: give the directory to write the batches to"),
                new Row("--db-file", "stream", config(c -> c.storage().databases().size()), 0,
                        List.of("--sinks", "db", "--db-file", dir.resolve("x.db").toString()), 1,
                        List.of("--sinks", "db", "--db-file", " "), "db-file: give the file of the embedded database"),
                new Row("--jdbc-url", "stream", config(c -> c.storage().databases().size()), 0,
                        List.of("--sinks", "postgres", "--jdbc-url", "jdbc:postgresql://127.0.0.1:5432/tweets"), 1,
                        List.of("--sinks", "postgres"),
                        "--jdbc-url: postgres needs a JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/tweets"),
                new Row("--clusters", "stream", config(c -> c.analyses().map(Analysis::name)), List.empty(),
                        List.of("--clusters", "9"), List.of("clusters"), List.of("--clusters", "1"),
                        "--clusters: 1 is not between 2 and 50"),
                new Row("--cluster-half-life", "stream", config(c -> c.analyses().map(a ->
                        ((Analysis.Clusters) a).halfLife())), List.empty(),
                        List.of("--clusters", "3", "--cluster-half-life", "5s"), List.of(Duration.ofSeconds(5)),
                        List.of("--clusters", "3", "--cluster-half-life", "0"),
                        "--cluster-half-life: give a half-life longer than nothing, e.g. 30s"),
                new Row("--classifier", "demo", config(c -> c.analyses().map(Analysis::name).contains("classifier")),
                        false, List.of("--classifier"), true, List.of("--classifier=sometimes"),
                        "Invalid value for option '--classifier': 'sometimes' is not a boolean"),
                new Row("--model", "stream", config(c -> c.analyses().map(Analysis::name)), List.empty(),
                        List.of("--model", "models/language"), List.of("predictions"), List.of("--model", " "),
                        "--model: give the directory 'tweetpipe train' saved a model in"),
                new Row("--run-for", "relay", config(PipelineConfig::runFor), Option.none(),
                        List.of("--run-for", "30s"), Option.some(Duration.ofSeconds(30)), List.of("--run-for", "soon"),
                        "Invalid value for option '--run-for': 'soon' is not a duration: write e.g. 1s, 500ms or 2m"));
    }

    private static Validation<Seq<String>, PipelineConfig> outcome(String mode, List<String> options) {
        return CommandLines.config(options.prepend(mode).toJavaArray(String[]::new));
    }

    private static void assumeNoCredentials(Row row) {
        assumeTrue(!ONLY_CREDENTIALS_MISSING.equals(row.parsed())
                        || TwitterCredentials.find().isLeft() && BearerToken.find().isLeft(),
                "this machine has Twitter or X credentials: the live sources' rows expect none");
    }

    /** The live source's options show nothing in the settings without credentials: see the test after next. */
    static Stream<Row> rowsWithADefault() {
        return rows().filter(row -> row.byDefault() != null);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rowsWithADefault")
    void givenNothing_anOption_hasItsDefault(Row row) {
        assertEquals(row.byDefault(), row.read().apply(outcome(row.mode(), List.empty())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void givenAValidValue_anOption_setsIt(Row row) {
        assumeNoCredentials(row);
        assertEquals(row.parsed(), row.read().apply(outcome(row.mode(), row.valid())));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void givenAnInvalidValue_anOption_saysWhatIsWrongInOneLine(Row row) {
        Seq<String> mistakes = outcome(row.mode(), row.invalid()).getError();

        assertTrue(mistakes.contains(row.message()), () -> "expected '" + row.message() + "' in " + mistakes);
        assertTrue(mistakes.forAll(line -> line.lines().count() == 1), mistakes::toString);
    }

    /** Rules between options and modes: a command line, and every mistake it has (none: it runs). */
    static Stream<Arguments> interplay() {
        return Stream.of(
                interplay("stream --port 0", "port: the relay's port is between 1 and 65535, got 0"),
                interplay("demo --port 0", "port: the relay's port is between 1 and 65535, got 0"),
                interplay("relay --port 0"),
                interplay("stream --relays 127.0.0.1:5555"),
                interplay("--relays 127.0.0.1:5555", "--relays belongs to the stream mode, not to the demo"),
                interplay("relay --relays 127.0.0.1:5555", "--relays belongs to the stream mode, not to the relay"),
                interplay("stream --relays 127.0.0.1:5555,127.0.0.1:5556", "master: local[2] runs 2 threads and "
                        + "each of the 2 receivers keeps one busy, so no batch would ever be processed; give more "
                        + "threads than relays, e.g. local[3]"),
                interplay("relay --host 0.0.0.0", "--host: 0.0.0.0 is not a loopback address: add --expose to "
                        + "serve tweets beyond this machine"),
                interplay("stream --host 0.0.0.0 --expose"),
                interplay("relay --host 0.0.0.0 --expose"),
                interplay("relay --record rec.jsonl", "--record: records a live stream: use it with --source twitter "
                        + "or x"),
                interplay("stream --verbose", "--verbose belongs to the demo and relay modes, not to the stream"),
                interplay("stream --source x", "--source belongs to the demo and relay modes, not to the stream"),
                interplay("stream --replay-file x.jsonl", "--replay-file belongs to the demo, relay and train modes, "
                        + "not to the stream"),
                interplay("stream --record x.jsonl", "--record belongs to the demo and relay modes, not to the "
                        + "stream"),
                interplay("stream --keywords covid", "--keywords belongs to the demo and relay modes, not to the "
                        + "stream"),
                interplay("relay --master local[2]", "--master belongs to the demo, stream and train modes, not to "
                        + "the relay"),
                interplay("--once relay", "--once goes after the mode: tweetpipe relay --once"),
                interplay("relai", "unknown mode 'relai': use demo, relay, stream or train"),
                interplay("relay --trends words", "--trends belongs to the demo and stream modes, not to the relay"),
                interplay("stream --wire text", "--wire belongs to the demo and relay modes, not to the stream"),
                interplay("demo --batch-interval 300ms"),
                interplay("demo --batch-interval 300ms --slide 10s", "slide: the slide (10s) is not a whole "
                        + "multiple of the batch interval (300ms)"),
                interplay("stream --sql SELECT --sql-window 2500ms --trends none --totals",
                        "window: the window (2500ms) is not a whole multiple of the batch interval (1s)"),
                interplay("stream --sql DROP", "sql: only a query is run over each batch (SELECT, WITH, FROM or "
                        + "VALUES), not 'DROP'"),
                interplay("--port abc --rate fast --prot 1", "Invalid value for option '--port': 'abc' is not an int",
                        "Invalid value for option '--rate': 'fast' is not a double", "unknown option '--prot'"),
                interplay("relay --keywords= --languages english --rate 2000000 --max-frame-bytes 3",
                        "keywords: give at least one keyword to track", "language: 'english' is not a language "
                        + "code (BCP 47, e.g. en, es, pt, zh-cn)", "rate: the rate is tweets per second, from 0 (as "
                        + "fast as possible) to 1000000; got 2000000.0",
                        "max frame bytes: the frame cap is between 7 and 67108864 bytes, got 3"));
    }

    private static Arguments interplay(String line, String... mistakes) {
        return Arguments.of(line, List.of(mistakes));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("interplay")
    void givenOptionsTogether_parse_reportsEveryMistakeAtOnce(String line, List<String> expected) {
        Validation<Seq<String>, PipelineConfig> outcome = CommandLines.config(line.split(" "));

        assertEquals(expected, outcome.fold(mistakes -> mistakes, config -> List.empty()));
    }

    /** Spark orders its suggestions as it likes: the line is checked up to them. */
    @Test
    void givenAQueryOnAnUnknownColumn_parse_namesTheColumnInOneLine() {
        Seq<String> mistakes = CommandLines.config("stream", "--sql", "SELECT language FROM tweets").getError();

        assertEquals(1, mistakes.size(), mistakes::toString);
        assertTrue(mistakes.head().startsWith("sql: [UNRESOLVED_COLUMN.WITH_SUGGESTION] A column, variable, or "
                + "function parameter with name `language` cannot be resolved. Did you mean one of the following? "
                + "[`"), mistakes::toString);
        assertEquals(1, mistakes.head().lines().count());
    }

    @Test
    void everyOptionOfEveryMode_hasARow() {
        CommandLine tweetpipe = new CommandLine(new Modes.Tweetpipe());
        Set<String> declared = HashSet.ofAll(tweetpipe.getSubcommands().values())
                .add(tweetpipe)
                .flatMap(mode -> List.ofAll(mode.getCommandSpec().options()))
                .filter(option -> !option.usageHelp() && !option.versionHelp())
                .map(CommandLine.Model.OptionSpec::longestName);

        assertEquals(declared, HashSet.ofAll(rows().map(Row::option).toList()));
    }

    @Test
    void theLiveSourcesOptions_declareTheirDefaults() {
        CommandLine.Model.CommandSpec relay = new CommandLine(new Modes.Tweetpipe()).getSubcommands().get("relay")
                .getCommandSpec();

        assertEquals(null, relay.findOption("--record").defaultValue(), "no recording unless asked");
        assumeTrue(System.getenv("TWEETPIPE_STREAM_BASE_URL") == null);
        assertTrue(CliTest.help("relay", "--help").replaceAll("\\s+", "")
                .contains("(default:https://stream.twitter.com/1.1/;"), "the stream base URL's default");
        assertEquals("replay", relay.findOption("--source").defaultValue());
        assumeTrue(System.getenv("TWEETPIPE_X_API_URL") == null);
        assertTrue(CliTest.help("relay", "--help").replaceAll("\\s+", "")
                .contains("(default:https://api.x.com/2/;"), "the X API's default");
    }
}
