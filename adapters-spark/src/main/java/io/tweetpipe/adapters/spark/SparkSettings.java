package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.FrameCap;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
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
 * @param maxFrameBytes the line-length cap ({@link FrameCap}): a longer record is skipped and counted, never stored
 * @param appName how Spark names the application
 * @param uiPort the Spark UI's port, none for no UI (0 lets Spark pick a free port). Spark binds its UI to the
 *     address in the environment variable {@code SPARK_LOCAL_IP}, or else to every interface, and no setting changes
 *     that; so the UI runs only when {@code SPARK_LOCAL_IP} is a loopback address (or when
 *     {@code spark.ui.enabled=true} is given in {@code sparkConf}, deliberately), and a warning says so otherwise
 * @param checkpoint a directory (a path, or a Hadoop URI on a cluster) where Spark checkpoints the stream and keeps
 *     its receivers' write-ahead log, so that a restarted job resumes; none for no recovery
 * @param sparkConf further Spark settings, applied last, so they win over every default above; the rate settings
 *     ({@link Builder#maxRate}, {@link Builder#backpressure}) are kept here, under Spark's own names (e.g.
 *     {@code spark.streaming.receiverRestartDelay}, {@code spark.jars} on a cluster, or {@code spark.driver.host}
 *     to leave the loopback deliberately)
 */
public record SparkSettings(String master, Duration batchInterval, Seq<Relay> relays, int maxFrameBytes,
                            String appName, Option<Integer> uiPort, Option<String> checkpoint,
                            Map<String, String> sparkConf) {

    public static final String APP_NAME = "tweetpipe";
    public static final int DEFAULT_UI_PORT = 4040;

    /** Spark's own name for a receiver's cap, which this receiver keeps in frames per second. */
    public static final String MAX_RATE = "spark.streaming.receiver.maxRate";
    public static final String BACKPRESSURE = "spark.streaming.backpressure.enabled";
    /** The least rate, per receiver, that backpressure's estimator ever sets. */
    public static final String BACKPRESSURE_FLOOR = "spark.streaming.backpressure.pid.minRate";
    /**
     * Spark's own floor is 100 frames/s. Its first estimates come from cold batches (classes loading, code not yet
     * compiled): they throttled the receiver far below the input, and the relay dropped tweets for the first seconds
     * at 400,000 tweets/s and more. 500,000 is the 400,000 that must pass without loss and a quarter more, so that a
     * receiver held at the floor still catches up after a pause (its bucket holds 10 ms), and stays under what one
     * receiver sustains on 2 cores (README, Performance), so a flood beyond that is still held back. The floor holds
     * after the warm-up too: a machine slower than it keeps the difference in Spark's block store, which spills to
     * disk; so it is given to a job that only samples, never to one with analyses, far slower than it. Spark's
     * initial rate stays unset (no limit before the first estimate): a limit there would drop tweets.
     */
    public static final long DEFAULT_BACKPRESSURE_FLOOR = 500_000;
    /** Spark's memory outside the JVM heap, for stored blocks (and Spark SQL's pages): on by default in local mode. */
    public static final String OFF_HEAP = "spark.memory.offHeap.enabled";
    public static final String OFF_HEAP_SIZE = "spark.memory.offHeap.size";
    /**
     * About a second and a half of received blocks at the highest rate one receiver sustains on 2 cores (1,500,000
     * tweets/s, some 300 MB of frames a second); Spark spills what does not fit to disk. Taken as used, not up front.
     */
    public static final String DEFAULT_OFF_HEAP_SIZE = "512m";
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
        Seq<Rejection> problems = problems(master, batchInterval, relays, maxFrameBytes, appName, uiPort, checkpoint,
                sparkConf);
        if (problems.nonEmpty()) {
            throw new IllegalArgumentException(problems.mkString("; "));
        }
    }

    /** Settings for that master and batch interval; give at least one relay, the rest has defaults. */
    public static Builder builder(String master, Duration batchInterval) {
        return new Builder(master, batchInterval);
    }

    /** Collects the settings one at a time; {@link #validate()} reports every wrong value at once. */
    public static final class Builder {
        private final String master;
        private final Duration batchInterval;
        private Seq<Relay> relays = List.empty();
        private int maxFrameBytes = FrameCap.DEFAULT;
        private Option<Integer> uiPort = Option.some(DEFAULT_UI_PORT);
        private Option<String> checkpoint = Option.none();
        private Map<String, String> sparkConf = LinkedHashMap.empty();

        private Builder(String master, Duration batchInterval) {
            this.master = master;
            this.batchInterval = batchInterval;
        }

        /** One more relay to read, with a receiver of its own. */
        public Builder relay(String host, int port) {
            relays = relays.append(new Relay(host, port));
            return this;
        }

        public Builder relays(Seq<Relay> relays) {
            this.relays = this.relays.appendAll(relays);
            return this;
        }

        public Builder maxFrameBytes(int maxFrameBytes) {
            this.maxFrameBytes = maxFrameBytes;
            return this;
        }

        /** The UI on that port, or no UI. */
        public Builder ui(Option<Integer> port) {
            this.uiPort = port;
            return this;
        }

        /**
         * Driver recovery: Spark checkpoints the stream in that directory and writes what the receivers store to a
         * write-ahead log there, and a job started again on the same directory resumes where the last one stopped
         * (see the module's README for what that guarantees).
         */
        public Builder checkpoint(String directory) {
            this.checkpoint = Option.of(directory).map(String::strip);
            return sparkConf(WRITE_AHEAD_LOG, "true");
        }

        /** One Spark setting, which wins over the adapter's own choice for that key. */
        public Builder sparkConf(String key, String value) {
            this.sparkConf = sparkConf.put(key, value);
            return this;
        }

        /**
         * The receiver capped at that many frames (tweets) per second: what the relay sends beyond it waits in the
         * socket, and TCP slows the relay down (which drops what its outbox cannot hold, counted).
         */
        public Builder maxRate(long framesPerSecond) {
            return sparkConf(MAX_RATE, Long.toString(framesPerSecond));
        }

        /**
         * Spark's backpressure on or off: with it on, the receiver reads at the rate Spark estimates the job can
         * process (starting at {@code spark.streaming.backpressure.initialRate} if set), never above the max rate.
         */
        public Builder backpressure(boolean enabled) {
            return sparkConf(BACKPRESSURE, Boolean.toString(enabled));
        }

        /** The settings, or every value that is wrong, each in a sentence the user can act on. */
        public Validation<Seq<Rejection>, SparkSettings> validate() {
            Seq<Rejection> problems = problems(master, batchInterval, relays, maxFrameBytes, APP_NAME, uiPort,
                    checkpoint, sparkConf);
            return problems.isEmpty() ? Validation.valid(build()) : Validation.invalid(problems);
        }

        /** The settings, for code that knows its values are right: a wrong one is a programming error, thrown. */
        public SparkSettings build() {
            return new SparkSettings(master, batchInterval, relays, maxFrameBytes, APP_NAME, uiPort, checkpoint,
                    sparkConf);
        }
    }

    /** The first relay's host. */
    public String host() {
        return relays.head().host();
    }

    /** The first relay's port. */
    public int port() {
        return relays.head().port();
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

    /** How many threads a local master runs (its one executor's cores); none for a cluster. */
    public Option<Integer> localThreads() {
        return localThreads(master);
    }

    private static Option<Integer> localThreads(String master) {
        Matcher local = LOCAL.matcher(master);
        if (!local.matches()) {
            return Option.none();
        }
        String threads = local.group(1);
        return Option.some(threads == null ? 1
                : threads.equals("*") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(threads));
    }

    private static Seq<Rejection> problems(String master, Duration batchInterval, Seq<Relay> relays,
                                           int maxFrameBytes, String appName, Option<Integer> uiPort,
                                           Option<String> checkpoint, Map<String, String> sparkConf) {
        Objects.requireNonNull(relays, "relays");
        Objects.requireNonNull(uiPort, "uiPort");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(sparkConf, "sparkConf");
        return List.of(masterProblem(master, relays.size()),
                        refuse(batchInterval == null || batchInterval.toMillis() < 1
                                || batchInterval.toNanos() % 1_000_000 != 0, "batch interval",
                                "a whole, positive number of milliseconds, got " + batchInterval),
                        refuse(relays.isEmpty(), "relays", "give at least one relay to read"),
                        refuse(relays.distinct().size() < relays.size(), "relays", "each relay once: a relay sends "
                                + "every reader the whole stream, so two receivers on one relay would process every "
                                + "tweet twice"),
                        refuse(checkpoint.exists(String::isBlank), "checkpoint", "give a directory"),
                        FrameCap.problem(maxFrameBytes),
                        refuse(appName == null || appName.isBlank(), "app name", "Spark needs an application name"),
                        uiPort.filter(p -> p == null || p < 0 || p > 65_535)
                                .map(p -> Rejection.of("ui port", "between 0 and 65535, got " + p)),
                        sparkConf.get(MAX_RATE).filter(rate -> !isPositiveLong(rate)).map(rate -> Rejection.of(
                                "max rate", "a whole number of tweets per second, 1 or more, got " + rate)),
                        sparkConf.get(BACKPRESSURE).filter(on -> !on.equals("true") && !on.equals("false"))
                                .map(on -> Rejection.of("backpressure", "true or false, got " + on)))
                .flatMap(Option::toList)
                .appendAll(relays.flatMap(SparkSettings::relayProblem))
                .appendAll(sparkConf.keySet().filter(key -> key == null || !key.startsWith("spark."))
                        .map(key -> Rejection.of("spark setting", "'" + key + "' is not a Spark setting (spark.*)")));
    }

    private static Option<Rejection> refuse(boolean wrong, String subject, String reason) {
        return wrong ? Option.some(Rejection.of(subject, reason)) : Option.none();
    }

    private static Option<Rejection> masterProblem(String master, int receivers) {
        if (master == null || master.isBlank()) {
            return Option.some(Rejection.of("master", "a Spark master URL is needed, e.g. local[2]"));
        }
        if (!LOCAL.matcher(master).matches() && !CLUSTER.matcher(master).matches()) {
            return Option.some(Rejection.of("master", "'" + master
                    + "' is not a Spark master URL (local[N], local[*], spark://host:port, yarn, k8s://...)"));
        }
        return tooFewThreads(master, Math.max(receivers, 1));
    }

    private static Option<Rejection> relayProblem(Relay relay) {
        if (relay.host().isBlank()) {
            return Option.some(Rejection.of("host", "the relay's host is needed, e.g. 127.0.0.1"));
        }
        if (relay.port() < 1 || relay.port() > 65_535) {
            return Option.some(Rejection.of("port", "the relay's port is between 1 and 65535, got " + relay.port()));
        }
        return Option.none();
    }

    /**
     * The cores rule for a local master: each receiver keeps a thread busy, so there must be more threads than
     * receivers. Also asked of a stream resumed from a checkpoint, whose receivers are the checkpoint's.
     */
    Option<Rejection> tooFewThreadsFor(int receivers) {
        return tooFewThreads(master, receivers);
    }

    private static Option<Rejection> tooFewThreads(String master, int receivers) {
        if (localThreads(master).isEmpty()) {
            return Option.none();
        }
        int cores = localThreads(master).get();
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
