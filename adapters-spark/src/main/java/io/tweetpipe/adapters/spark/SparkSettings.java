package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the stream processor runs Spark and where it reads the relay.
 *
 * @param master Spark's master URL; a local master needs more threads than there are receivers (one per relay),
 *     each receiver keeping one busy
 * @param batchInterval how long each micro-batch collects records (whole milliseconds, as Spark counts them)
 * @param relays the relays to read, one receiver each, their streams unioned into one; at least one
 * @param maxFrameBytes the line-length cap: a longer record is skipped and counted, never stored
 * @param appName how Spark names the application
 * @param uiPort the Spark UI's port, none for no UI (0 lets Spark pick a free port). Spark binds its UI to the
 *     address in the environment variable {@code SPARK_LOCAL_IP}, or else to every interface, and no setting changes
 *     that; so the UI runs only when {@code SPARK_LOCAL_IP} is a loopback address (or when
 *     {@code spark.ui.enabled=true} is given in {@code sparkConf}, deliberately), and a warning says so otherwise
 * @param checkpoint a directory (a path, or a Hadoop URI on a cluster) where Spark checkpoints the stream and keeps
 *     its receivers' write-ahead log, so that a restarted job resumes; none for no recovery
 * @param sparkConf further Spark settings, applied last, so they win over every default above; the rate settings
 *     ({@link #withMaxRate}, {@link #withBackpressure}) are kept here, under Spark's own names (e.g.
 *     {@code spark.streaming.receiverRestartDelay}, {@code spark.jars} on a cluster, or {@code spark.driver.host}
 *     to leave the loopback deliberately)
 */
public record SparkSettings(String master, Duration batchInterval, Seq<Relay> relays, int maxFrameBytes,
                            String appName, Option<Integer> uiPort, Option<String> checkpoint,
                            Map<String, String> sparkConf) {

    public static final String DEFAULT_MASTER = "local[2]";
    public static final Duration DEFAULT_BATCH_INTERVAL = Duration.ofSeconds(1);
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5555;
    /** A tweet is at most a few kilobytes; a megabyte is a broken or hostile line. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;
    /** Far beyond any tweet, still small enough that one line cannot exhaust a receiver's memory. */
    public static final int LARGEST_MAX_FRAME_BYTES = 64 << 20;
    public static final String APP_NAME = "tweetpipe";
    public static final int DEFAULT_UI_PORT = 4040;

    /** Spark's own name for a receiver's cap, which this receiver keeps in frames per second. */
    public static final String MAX_RATE = "spark.streaming.receiver.maxRate";
    public static final String BACKPRESSURE = "spark.streaming.backpressure.enabled";
    /** On with a checkpoint directory: what a receiver stores is written to a log there before it is reported. */
    public static final String WRITE_AHEAD_LOG = "spark.streaming.receiver.writeAheadLog.enable";

    private static final Pattern LOCAL = Pattern.compile("local(?:\\[(\\d+|\\*)(?:,\\s*\\d+)?])?");
    private static final Pattern CLUSTER = Pattern.compile("(?:spark://|k8s://)\\S+|yarn|local-cluster\\[.+]");

    /** One relay to read: a receiver connects to it. */
    public record Relay(String host, int port) {
        public Relay {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    public SparkSettings {
        Option<Rejection> problem = problem(master, batchInterval, relays, maxFrameBytes, appName, uiPort, checkpoint,
                sparkConf);
        if (problem.isDefined()) {
            throw new IllegalArgumentException(problem.get().toString());
        }
    }

    /** The seed's setup: local[2], one-second batches, the relay on 127.0.0.1:5555, the UI on 127.0.0.1:4040. */
    public static SparkSettings defaults() {
        return new SparkSettings(DEFAULT_MASTER, DEFAULT_BATCH_INTERVAL, List.of(new Relay(DEFAULT_HOST, DEFAULT_PORT)),
                DEFAULT_MAX_FRAME_BYTES, APP_NAME, Option.some(DEFAULT_UI_PORT), Option.none(), LinkedHashMap.empty());
    }

    /** Settings from a user's values (flags), refused with a sentence the user can act on. */
    public static Either<Rejection, SparkSettings> of(String master, Duration batchInterval, String host, int port,
                                                      int maxFrameBytes) {
        if (host == null) {
            return Either.left(Rejection.of("host", "the relay's host is needed, e.g. 127.0.0.1"));
        }
        SparkSettings defaults = defaults();
        return checked(master, batchInterval, List.of(new Relay(host, port)), maxFrameBytes, APP_NAME,
                defaults.uiPort, defaults.checkpoint, defaults.sparkConf);
    }

    private static Either<Rejection, SparkSettings> checked(String master, Duration batchInterval, Seq<Relay> relays,
                                                            int maxFrameBytes, String appName,
                                                            Option<Integer> uiPort, Option<String> checkpoint,
                                                            Map<String, String> sparkConf) {
        return problem(master, batchInterval, relays, maxFrameBytes, appName, uiPort, checkpoint, sparkConf)
                .toLeft(() -> new SparkSettings(master, batchInterval, relays, maxFrameBytes, appName, uiPort,
                        checkpoint, sparkConf));
    }

    /** The first relay's host. */
    public String host() {
        return relays.head().host();
    }

    /** The first relay's port. */
    public int port() {
        return relays.head().port();
    }

    /**
     * The same settings reading several relays (or several ports), one receiver each, unioned into one stream. A
     * local master needs more threads than receivers.
     */
    public Either<Rejection, SparkSettings> withRelays(Seq<Relay> relays) {
        if (relays == null) {
            return Either.left(Rejection.of("relays", "give at least one relay to read"));
        }
        return checked(master, batchInterval, relays, maxFrameBytes, appName, uiPort, checkpoint, sparkConf);
    }

    /**
     * The same settings with driver recovery: Spark checkpoints the stream in that directory and writes what the
     * receivers store to a write-ahead log there, and a job started again on the same directory resumes where the
     * last one stopped (see the module's README for what that guarantees).
     */
    public Either<Rejection, SparkSettings> withCheckpoint(String directory) {
        if (directory == null || directory.isBlank()) {
            return Either.left(Rejection.of("checkpoint", "give a directory"));
        }
        return checked(master, batchInterval, relays, maxFrameBytes, appName, uiPort, Option.some(directory.strip()),
                sparkConf.put(WRITE_AHEAD_LOG, "true"));
    }

    /** The same settings with the UI on that port, or with no UI. */
    public Either<Rejection, SparkSettings> withUi(Option<Integer> port) {
        return checked(master, batchInterval, relays, maxFrameBytes, appName, port, checkpoint, sparkConf);
    }

    /** The same settings plus one Spark setting, which wins over the adapter's own choice for that key. */
    public Either<Rejection, SparkSettings> withSparkConf(String key, String value) {
        if (value == null) {
            return Either.left(Rejection.of("spark setting", "no value for " + key));
        }
        return checked(master, batchInterval, relays, maxFrameBytes, appName, uiPort, checkpoint,
                sparkConf.put(key, value));
    }

    /**
     * The same settings with the receiver capped at that many frames (tweets) per second: what the relay sends
     * beyond it waits in the socket, and TCP slows the relay down (which drops what its outbox cannot hold, counted).
     */
    public Either<Rejection, SparkSettings> withMaxRate(long framesPerSecond) {
        return withSparkConf(MAX_RATE, Long.toString(framesPerSecond));
    }

    /**
     * The same settings with Spark's backpressure on or off: with it on, the receiver reads at the rate Spark
     * estimates the job can process (starting at {@code spark.streaming.backpressure.initialRate} if set), never
     * above {@link #maxRate()}.
     */
    public Either<Rejection, SparkSettings> withBackpressure(boolean enabled) {
        return withSparkConf(BACKPRESSURE, Boolean.toString(enabled));
    }

    /** The receiver's cap in frames per second, if there is one. */
    public Option<Long> maxRate() {
        return sparkConf.get(MAX_RATE).map(Long::parseLong);
    }

    public boolean backpressure() {
        return sparkConf.get(BACKPRESSURE).exists(Boolean::parseBoolean);
    }

    /** Whether the master runs everything in this JVM, where there is one executor and no peer to replicate to. */
    public boolean isLocal() {
        return LOCAL.matcher(master).matches();
    }

    private static Option<Rejection> problem(String master, Duration batchInterval, Seq<Relay> relays,
                                             int maxFrameBytes, String appName, Option<Integer> uiPort,
                                             Option<String> checkpoint, Map<String, String> sparkConf) {
        Objects.requireNonNull(relays, "relays");
        Objects.requireNonNull(uiPort, "uiPort");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(sparkConf, "sparkConf");
        if (master == null || master.isBlank()) {
            return Option.some(Rejection.of("master", "a Spark master URL is needed, e.g. local[2]"));
        }
        if (relays.isEmpty()) {
            return Option.some(Rejection.of("relays", "give at least one relay to read"));
        }
        Matcher local = LOCAL.matcher(master);
        if (local.matches()) {
            Option<Rejection> tooFew = tooFewThreads(master, relays.size());
            if (tooFew.isDefined()) {
                return tooFew;
            }
        } else if (!CLUSTER.matcher(master).matches()) {
            return Option.some(Rejection.of("master", "'" + master
                    + "' is not a Spark master URL (local[N], local[*], spark://host:port, yarn, k8s://...)"));
        }
        if (batchInterval == null || batchInterval.isNegative() || batchInterval.toMillis() < 1
                || batchInterval.toNanos() % 1_000_000 != 0) {
            return Option.some(Rejection.of("batch interval", "a whole, positive number of milliseconds, got "
                    + batchInterval));
        }
        for (Relay relay : relays) {
            if (relay.host().isBlank()) {
                return Option.some(Rejection.of("host", "the relay's host is needed, e.g. 127.0.0.1"));
            }
            if (relay.port() < 1 || relay.port() > 65_535) {
                return Option.some(Rejection.of("port", "the relay's port is between 1 and 65535, got "
                        + relay.port()));
            }
        }
        if (relays.distinct().size() < relays.size()) {
            return Option.some(Rejection.of("relays", "each relay once: a relay sends every reader the whole stream, "
                    + "so two receivers on one relay would process every tweet twice"));
        }
        if (checkpoint.exists(String::isBlank)) {
            return Option.some(Rejection.of("checkpoint", "give a directory"));
        }
        if (maxFrameBytes < 1 || maxFrameBytes > LARGEST_MAX_FRAME_BYTES) {
            return Option.some(Rejection.of("max frame bytes", "between 1 and " + LARGEST_MAX_FRAME_BYTES
                    + ", got " + maxFrameBytes));
        }
        if (appName == null || appName.isBlank()) {
            return Option.some(Rejection.of("app name", "Spark needs an application name"));
        }
        if (uiPort.exists(p -> p == null || p < 0 || p > 65_535)) {
            return Option.some(Rejection.of("ui port", "between 0 and 65535, got " + uiPort.get()));
        }
        Option<Rejection> notSpark = sparkConf.keySet().find(key -> key == null || !key.startsWith("spark."))
                .map(key -> Rejection.of("spark setting", "'" + key + "' is not a Spark setting (spark.*)"));
        return notSpark.orElse(() -> sparkConf.get(MAX_RATE).filter(rate -> !isPositiveLong(rate))
                        .map(rate -> Rejection.of("max rate", "a whole number of tweets per second, 1 or more, got "
                                + rate)))
                .orElse(() -> sparkConf.get(BACKPRESSURE).filter(on -> !on.equals("true") && !on.equals("false"))
                        .map(on -> Rejection.of("backpressure", "true or false, got " + on)));
    }

    /**
     * The cores rule for a local master: each receiver keeps a thread busy, so there must be more threads than
     * receivers. Also asked of a stream resumed from a checkpoint, whose receivers are the checkpoint's.
     */
    Option<Rejection> tooFewThreadsFor(int receivers) {
        return tooFewThreads(master, receivers);
    }

    private static Option<Rejection> tooFewThreads(String master, int receivers) {
        Matcher local = LOCAL.matcher(master);
        if (!local.matches()) {
            return Option.none();
        }
        String threads = local.group(1);
        int cores = threads == null ? 1
                : threads.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads);
        if (cores < 2) {
            return Option.some(Rejection.of("master", master + " runs one thread, which the receiver keeps "
                    + "busy, so no batch would ever be processed; use local[2] or more"));
        }
        if (cores <= receivers) {
            return Option.some(Rejection.of("master", master + " runs " + cores + " threads and each of the "
                    + receivers + " receivers keeps one busy, so no batch would ever be processed; give more "
                    + "threads than relays, e.g. local[" + (receivers + 1) + "]"));
        }
        return Option.none();
    }

    private static boolean isPositiveLong(String value) {
        try {
            return Long.parseLong(value) >= 1;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
