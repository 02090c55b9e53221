package io.tweetpipe.bootstrap.cli;

import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the command line into {@link Options}. A mistake is one line that says what is wrong and what would be right;
 * nothing here throws at the user.
 */
public final class CommandLine {

    /** What the user asked for: help, or a run. */
    public sealed interface Invocation permits Help, Run {
    }

    public record Help() implements Invocation {
    }

    public record Run(Options options) implements Invocation {
    }

    public static final String USAGE = """
            Usage: tweetpipe [demo|relay|stream] [options]

            A live tweet pipeline on Spark Streaming, after the classic two-program tutorial:
              relay   reads tweets (a replay of recorded tweets, or Twitter's filtered stream) and serves
                      them, framed with __end, on a TCP socket
              stream  Spark Streaming reads that socket in 1-second batches, splits on __end,
                      lower-cases, and prints the first ten records of each batch
              demo    both in one process (the default)

            Filter (applied by the source, as Twitter applies it):
              --keywords LIST        comma-separated phrases to track         (default: covid)
              --languages LIST       comma-separated language codes, or ""   (default: en)

            Relay socket:
              --host HOST            address the relay listens on and the stream reads (default: 127.0.0.1)
              --port PORT            TCP port                                  (default: 5555)
              --expose               allow a --host that is not loopback (anyone who can reach it reads the stream)
              --max-frame-bytes N    longest record accepted on the socket     (default: 1048576)

            Source (relay and demo):
              --source replay|twitter  where tweets come from                  (default: replay)
              --replay-file PATH     Twitter v1.1 JSON lines to replay         (default: the bundled sample)
              --rate N               replayed messages per second, 0 = as fast as possible (default: 100)
              --once                 replay the file once instead of looping
              --record PATH          also write every raw message received from Twitter to PATH (JSON lines)
              --stream-base-url URL  a Twitter-compatible v1.1 streaming endpoint
                                     (credentials come from the environment, never from flags: see README)

            Stream (stream and demo):
              --batch-interval D     micro-batch interval, e.g. 1s, 500ms      (default: 1s)
              --master URL           Spark master (default: local[2], or the master spark-submit was given)
              --max-rate N           read at most N tweets per second; the rest waits in the socket and the
                                     relay, which never blocks, drops what a full outbox cannot hold (default: no cap)
              --backpressure         let Spark adapt the read rate to what batches can process, at most --max-rate
                                     (the default, so that a flood waits in the socket, not in the job's memory)
              --no-backpressure      read as fast as the socket gives, up to --max-rate: without a --max-rate, a
                                     flood the batches cannot keep up with fills the stream's memory
              --checkpoint DIR       checkpoint the stream and log what it receives in DIR: a restart with the
                                     same DIR resumes it, and processes what was received before the stop
              --relays LIST          stream only: read several relays, e.g. 127.0.0.1:5555,127.0.0.1:5556, one
                                     receiver each (a local master needs more threads than relays: local[3] for two)

            General:
              --run-for D            stop by itself after D, e.g. 30s (default: run until Ctrl-C)
              -h, --help             show this help
            """;

    private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m)?");

    private CommandLine() {
    }

    public static Either<String, Invocation> parse(String... args) {
        Draft draft = new Draft(Options.defaults());
        List<String> rest = List.of(args);
        if (rest.nonEmpty() && !rest.head().startsWith("-")) {
            String word = rest.head();
            Option<Mode> mode = List.of(Mode.values()).find(m -> m.name().equalsIgnoreCase(word));
            if (mode.isEmpty()) {
                return Either.left("unknown mode '" + word + "': use demo, relay or stream");
            }
            draft.mode = mode.get();
            rest = rest.tail();
        }
        while (rest.nonEmpty()) {
            String flag = rest.head();
            rest = rest.tail();
            switch (flag) {
                case "-h", "--help" -> {
                    return Either.right(new Help());
                }
                case "--once" -> draft.loop = false;
                case "--expose" -> draft.exposed = true;
                case "--backpressure" -> draft.backpressure = true;
                case "--no-backpressure" -> draft.backpressure = false;
                default -> {
                    Option<Setter> setter = setter(flag);
                    if (setter.isEmpty()) {
                        return Either.left("unknown option '" + flag + "'");
                    }
                    if (rest.isEmpty()) {
                        return Either.left(flag + " needs a value");
                    }
                    Option<String> problem = setter.get().set(draft, rest.head());
                    if (problem.isDefined()) {
                        return Either.left(flag + ": " + problem.get());
                    }
                    rest = rest.tail();
                }
            }
        }
        return check(draft.build()).map(Run::new);
    }

    private static Either<String, Options> check(Options o) {
        if (!o.exposed() && !isLoopback(o.host())) {
            return Either.left("--host " + o.host() + " is not a loopback address: add --expose to serve tweets "
                    + "beyond this machine");
        }
        if (o.mode() == Mode.STREAM && (o.replayFile().isDefined() || o.record().isDefined())) {
            return Either.left("--replay-file and --record belong to the relay: the stream reads the relay's socket");
        }
        if (o.relays().nonEmpty() && o.mode() != Mode.STREAM) {
            return Either.left("--relays belongs to the stream mode: the " + o.mode().name().toLowerCase(Locale.ROOT)
                    + " reads the relay on --host and --port");
        }
        if (o.source() == SourceKind.REPLAY && o.record().isDefined()) {
            return Either.left("--record records a live stream: use it with --source twitter");
        }
        return Either.right(o);
    }

    private static boolean isLoopback(String host) {
        return Try.of(() -> InetAddress.getByName(host).isLoopbackAddress()).getOrElse(false);
    }

    /** Sets one option from its value; says what is wrong with the value, if anything. */
    @FunctionalInterface
    private interface Setter {
        Option<String> set(Draft draft, String value);

        static <T> Setter of(java.util.function.Function<String, Either<String, T>> parse,
                             java.util.function.BiConsumer<Draft, T> assign) {
            return (draft, value) -> parse.apply(value).peek(parsed -> assign.accept(draft, parsed)).swap().toOption();
        }
    }

    private static Option<Setter> setter(String flag) {
        return Option.of(switch (flag) {
            case "--keywords" -> Setter.of(v -> Either.right(split(v)), (d, v) -> d.keywords = v);
            case "--languages" -> Setter.of(v -> Either.right(split(v)), (d, v) -> d.languages = v);
            case "--host" -> Setter.of(v -> nonBlank(v, "give a host name or address"), (d, v) -> d.host = v);
            case "--port" -> Setter.of(v -> integer(v, 0, 65_535), (d, v) -> d.port = v);
            case "--max-frame-bytes" -> Setter.of(v -> integer(v, 64, 64 << 20), (d, v) -> d.maxFrameBytes = v);
            case "--source" -> Setter.of(v -> List.of(SourceKind.values()).find(s -> s.name().equalsIgnoreCase(v))
                    .toEither("'" + v + "' is not a source: use replay or twitter"), (d, v) -> d.source = v);
            case "--replay-file" -> Setter.of(v -> path(v), (d, v) -> d.replayFile = Option.of(v));
            case "--record" -> Setter.of(v -> path(v), (d, v) -> d.record = Option.of(v));
            case "--rate" -> Setter.of(CommandLine::rate, (d, v) -> d.rate = v);
            case "--stream-base-url" -> Setter.of(CommandLine::url, (d, v) -> d.streamBaseUrl = Option.of(v));
            case "--batch-interval" -> Setter.of(v -> duration(v).filterOrElse(i -> !i.isZero(),
                    i -> "the batch interval is at least 1ms"), (d, v) -> d.batchInterval = v);
            case "--master" -> Setter.of(v -> nonBlank(v, "give a Spark master, e.g. local[2]"),
                    (d, v) -> d.master = v);
            case "--run-for" -> Setter.of(CommandLine::duration, (d, v) -> d.runFor = Option.of(v));
            case "--max-rate" -> Setter.of(CommandLine::maxRate, (d, v) -> d.maxRate = Option.of(v));
            case "--checkpoint" -> Setter.of(v -> nonBlank(v, "give a directory"),
                    (d, v) -> d.checkpoint = Option.of(v));
            case "--relays" -> Setter.of(CommandLine::relays, (d, v) -> d.relays = v);
            default -> null;
        });
    }

    private static Either<String, String> nonBlank(String value, String problem) {
        return value.isBlank() ? Either.left(problem) : Either.right(value.strip());
    }

    private static Either<String, Path> path(String value) {
        return Try.of(() -> Path.of(value)).toEither().mapLeft(e -> "'" + value + "' is not a file path")
                .filterOrElse(p -> !value.isBlank(), p -> "give a file path");
    }

    private static Either<String, Double> rate(String value) {
        return Try.of(() -> Double.parseDouble(value)).toEither()
                .mapLeft(e -> "'" + value + "' is not a number")
                .filterOrElse(r -> r >= 0 && Double.isFinite(r), r -> "the rate is 0 (as fast as possible) or more");
    }

    private static Either<String, Long> maxRate(String value) {
        return Try.of(() -> Long.parseLong(value.strip())).toEither()
                .mapLeft(e -> "'" + value + "' is not a whole number of tweets per second")
                .filterOrElse(rate -> rate >= 1, rate -> "the cap is at least 1 tweet per second");
    }

    private static Either<String, List<Options.Endpoint>> relays(String value) {
        List<String> given = split(value);
        if (given.isEmpty()) {
            return Either.left("give host:port pairs, separated by commas");
        }
        List<Either<String, Options.Endpoint>> parsed = given.map(CommandLine::endpoint);
        Option<String> wrong = parsed.find(Either::isLeft).map(Either::getLeft);
        if (wrong.isDefined()) {
            return Either.left(wrong.get());
        }
        return Either.<String, List<Options.Endpoint>>right(parsed.map(Either::get))
                .filterOrElse(endpoints -> endpoints.distinct().size() == endpoints.size(),
                        endpoints -> "each relay once: a relay sends every reader the whole stream");
    }

    private static Either<String, Options.Endpoint> endpoint(String value) {
        int colon = value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            return Either.left("'" + value + "' is not host:port");
        }
        String host = value.substring(0, colon).strip();
        return integer(value.substring(colon + 1), 1, 65_535)
                .mapLeft(problem -> "'" + value + "': " + problem)
                .map(port -> new Options.Endpoint(host.startsWith("[") && host.endsWith("]")
                        ? host.substring(1, host.length() - 1) : host, port));
    }

    private static Either<String, String> url(String value) {
        return value.startsWith("http://") || value.startsWith("https://")
                ? Either.right(value.endsWith("/") ? value : value + "/")
                : Either.left("'" + value + "' is not an http(s) URL");
    }

    private static List<String> split(String value) {
        return List.of(value.split(",")).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static Either<String, Integer> integer(String value, int min, int max) {
        return Try.of(() -> Integer.parseInt(value.strip())).toEither()
                .mapLeft(e -> "'" + value + "' is not a whole number")
                .filterOrElse(n -> n >= min && n <= max, n -> n + " is not between " + min + " and " + max);
    }

    static Either<String, Duration> duration(String value) {
        Matcher m = DURATION.matcher(value.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return Either.left("'" + value + "' is not a duration: write e.g. 1s, 500ms or 2m");
        }
        long amount = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return Either.right(switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            default -> Duration.ofSeconds(amount);
        });
    }

    /** The options while the command line is read; only {@link Options} leaves this class. */
    private static final class Draft {
        Mode mode;
        List<String> keywords;
        List<String> languages;
        String host;
        int port;
        boolean exposed;
        Duration batchInterval;
        String master;
        SourceKind source;
        Option<Path> replayFile;
        double rate;
        boolean loop;
        Option<Path> record;
        Option<String> streamBaseUrl;
        int maxFrameBytes;
        Option<Duration> runFor;
        List<Options.Endpoint> relays;
        Option<Long> maxRate;
        boolean backpressure;
        Option<String> checkpoint;

        Draft(Options o) {
            mode = o.mode();
            keywords = o.keywords();
            languages = o.languages();
            host = o.host();
            port = o.port();
            exposed = o.exposed();
            batchInterval = o.batchInterval();
            master = o.master();
            source = o.source();
            replayFile = o.replayFile();
            rate = o.rate();
            loop = o.loop();
            record = o.record();
            streamBaseUrl = o.streamBaseUrl();
            maxFrameBytes = o.maxFrameBytes();
            runFor = o.runFor();
            relays = o.relays();
            maxRate = o.maxRate();
            backpressure = o.backpressure();
            checkpoint = o.checkpoint();
        }

        Options build() {
            return new Options(mode, keywords, languages, host, port, exposed, batchInterval, master, source,
                    replayFile, rate, loop, record, streamBaseUrl, maxFrameBytes, runFor, relays, maxRate,
                    backpressure, checkpoint);
        }
    }
}
