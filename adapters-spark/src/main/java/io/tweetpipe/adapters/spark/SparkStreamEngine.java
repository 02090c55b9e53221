package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.lang.reflect.InaccessibleObjectException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.apache.hadoop.util.ShutdownHookManager;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Checkpoint;
import org.apache.spark.streaming.CheckpointReader;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * The stream processor on Spark Streaming, the seed's second program: a receiver on the relay's socket (one per
 * relay, unioned), the domain's preprocessing applied inside Spark, each batch counted and sampled by one job and
 * handed to the sink, followed by its figures from a streaming listener. With a checkpoint directory, a stream
 * checkpointed there by an earlier run is resumed rather than a new one started.
 *
 * <p>Spark allows one active context per JVM: start one stream at a time, and stop it before starting another.
 * Ctrl-C and SIGTERM stop a running stream gracefully, by a shutdown hook of its own (see
 * {@link SparkRunningStream}); a launcher needs no hook of its own for that.
 */
public final class SparkStreamEngine implements StreamEngine {

    /** Shorter than Spark's 200 ms: a tweet waits at most this long in the receiver before Spark sees it. */
    static final Duration DEFAULT_BLOCK_INTERVAL = Duration.ofMillis(100);

    /** The key under which a checkpointed run's sink is found, by this process's graph or by one recovered. */
    static final String CHECKPOINTED_SINK_KEY = "checkpointed-stream";

    private static final Logger LOG = LogManager.getLogger(SparkStreamEngine.class);

    private final SparkSettings settings;
    private final UnaryOperator<String> environment;
    private final StreamInput input;
    /** How many of the master's cores the input's receivers keep busy: one per relay, none for Kafka or a test. */
    private final int receivers;

    public SparkStreamEngine(SparkSettings settings) {
        this(settings, System::getenv);
    }

    /** With the process environment given, for tests: Spark reads SPARK_LOCAL_IP from it. */
    SparkStreamEngine(SparkSettings settings, UnaryOperator<String> environment) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.input = this::relays;
        this.receivers = settings.relays().size();
    }

    /** Reading a Kafka topic through the direct stream instead of the relays: no receiver. */
    public SparkStreamEngine(SparkSettings settings, KafkaSource kafka) {
        this(settings, new KafkaInput(Objects.requireNonNull(kafka, "kafka")));
    }

    /** Reading another input than the relays, for tests that schedule each batch's frames. */
    SparkStreamEngine(SparkSettings settings, StreamInput input) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.environment = System::getenv;
        this.input = Objects.requireNonNull(input, "input");
        this.receivers = 0;
    }

    @Override
    public Either<Rejection, RunningStream> start(StreamJob job, BatchSink sink, Seq<RecordStore> stores) {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(sink, "sink");
        Option<Rejection> noClusterManager = ClusterManagers.missingFor(settings);
        if (noClusterManager.isDefined()) {
            return Either.left(noClusterManager.get());
        }
        SparkLogging.quietUnlessConfigured();
        // A recovered stream graph holds the key it was checkpointed with, so a checkpointed run's key is fixed.
        OrderedSink ordered = settings.checkpoint().isDefined() ? OrderedSink.register(CHECKPOINTED_SINK_KEY, sink)
                : OrderedSink.register(sink);
        JavaSparkContext spark = null;
        JavaStreamingContext context = null;
        Option<TemporaryCheckpoint> scratch = Option.none();
        try {
            SparkConf conf = sparkConf(job);
            if (settings.checkpoint().isEmpty() && needsCheckpoint(job)) {
                conf.set("spark.streaming.driver.writeAheadLog.class", ScratchBlockLog.class.getName())
                        .set("spark.streaming.driver.writeAheadLog.allowBatching", "false");  // no batching wrapper
            }
            warnAboutUi(conf);
            spark = new JavaSparkContext(conf);
            boolean recovered = false;
            if (settings.checkpoint().isDefined()) {
                scala.Option<Checkpoint> checkpoint = readCheckpoint(spark, conf, settings.checkpoint().get());
                recovered = checkpoint.isDefined();
                context = recovered ? resume(spark, checkpoint.get()) : create(spark, conf, job, ordered.key(), stores);
                Option<Rejection> tooFew = settings.tooFewThreadsFor(
                        context.ssc().graph().getReceiverInputStreams().length);
                if (tooFew.isDefined()) {  // the checkpoint's receivers, which may be more than this run asked for
                    ordered.unregister();
                    stopAfterFailedStart(context);
                    return Either.left(tooFew.get());
                }
            } else {
                if (needsCheckpoint(job)) {
                    scratch = Option.some(TemporaryCheckpoint.create());
                }
                context = create(spark, conf, job, ordered.key(), stores);
                if (scratch.isDefined()) {
                    context.checkpoint(scratch.get().path());
                }
            }
            context.addStreamingListener(new FiguresListener(ordered));
            context.start();
            return Either.right(new SparkRunningStream(context, ordered, shutdownTimeout(conf), recovered,
                    scratch));
        } catch (Exception | LinkageError e) {
            ordered.unregister();
            if (context != null) {
                stopAfterFailedStart(context);
            } else if (spark != null) {
                spark.stop();
            }
            scratch.forEach(TemporaryCheckpoint::remove);
            return Either.left(Rejection.of("spark", "Spark Streaming could not start: " + describe(e)));
        }
    }

    private JavaStreamingContext create(JavaSparkContext spark, SparkConf conf, StreamJob job, String sinkKey,
                                        Seq<RecordStore> stores) {
        JavaStreamingContext context = new JavaStreamingContext(spark,
                Durations.milliseconds(settings.batchInterval().toMillis()));
        settings.checkpoint().forEach(context::checkpoint);
        defineStream(context, conf, job, sinkKey, stores);
        return context;
    }

    /**
     * Incremental windows ({@code reduceByKeyAndWindow} with an inverse) and {@code mapWithState} keep state across
     * batches, which Spark checkpoints to cut its lineage: without a directory from the user, a temporary one.
     */
    private static boolean needsCheckpoint(StreamJob job) {
        return job.analyses().exists(analysis -> analysis instanceof Analysis.Trending
                || analysis instanceof Analysis.RunningTotals);
    }

    /**
     * What {@code StreamingContext.getOrCreate} reads, read with this run's Spark settings: Spark's own getOrCreate
     * makes its SparkContext from the checkpoint's settings, less the driver's address, which would move a local
     * driver off the loopback. A checkpoint that cannot be read is an error, not a reason to start afresh.
     */
    private static scala.Option<Checkpoint> readCheckpoint(JavaSparkContext spark, SparkConf conf, String directory) {
        return CheckpointReader.read(directory, conf, spark.hadoopConfiguration(), false);
    }

    /** The checkpointed stream graph, on this run's Spark context: its relays and batch interval win. */
    private JavaStreamingContext resume(JavaSparkContext spark, Checkpoint checkpoint) {
        StreamingContext resumed = new StreamingContext(spark.sc(), checkpoint, null);
        long batchMillis = resumed.graph().batchDuration().milliseconds();
        io.vavr.collection.List<String> relays = io.vavr.collection.List.of(resumed.graph().getReceiverInputStreams())
                .map(stream -> stream.getReceiver() instanceof FrameReceiver frames ? frames.relay() : "?");
        // The direct stream has no receiver: a stream with none read Kafka.
        io.vavr.collection.List<String> asked = input instanceof KafkaInput ? io.vavr.collection.List.empty()
                : settings.relays().map(SparkSettings.Relay::toString).toList();
        if (batchMillis != settings.batchInterval().toMillis() || !relays.equals(asked)) {
            LOG.warn("resuming the stream checkpointed in {}, which reads {} in batches of {} ms, as it did then; for "
                    + "{} in batches of {} ms, give another checkpoint directory", settings.checkpoint().get(),
                    inputs(relays), batchMillis, inputs(asked), settings.batchInterval().toMillis());
        } else {
            LOG.warn("resuming the stream checkpointed in {}: batches it had not finished run again",
                    settings.checkpoint().get());
        }
        return new JavaStreamingContext(resumed);
    }

    private static String inputs(io.vavr.collection.List<String> relays) {
        return relays.isEmpty() ? "Kafka" : relays.mkString(", ");
    }

    /**
     * What Spark is told for this job. Backpressure's warm-up floor is for a job that only samples, whose capacity
     * is above it: an analysis makes a job slower than the floor, and a floor above a job's capacity would switch
     * backpressure off.
     */
    SparkConf sparkConf(StreamJob job) {
        SparkConf conf = sparkConf();
        if (job.analyses().forAll(Analysis.Sample.class::isInstance)) {
            conf.setIfMissing(SparkSettings.BACKPRESSURE_FLOOR, Long.toString(SparkSettings.DEFAULT_BACKPRESSURE_FLOOR));
        }
        return conf;
    }

    /** What Spark is told whatever the job; {@link SparkSettings#sparkConf()} comes last and wins. */
    SparkConf sparkConf() {
        // new SparkConf() keeps the spark.* system properties that spark-submit passes (spark.jars and the like).
        SparkConf conf = new SparkConf()
                .setMaster(settings.master())
                .setAppName(settings.appName())
                .set("spark.ui.enabled", Boolean.toString(settings.uiPort().isDefined() && uiOnLoopback()))
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.streaming.stopGracefullyOnShutdown", "true");
        settings.uiPort().forEach(port -> conf.set("spark.ui.port", Integer.toString(port)));
        // A query's GROUP BY makes 200 shuffle partitions by default: 200 tasks a batch for a few thousand rows; and
        // its first rows are taken from one partition, then from the rest in a second job. One partition per core
        // the receivers leave free: more would only queue, each task paying Spark's cost of a task.
        settings.localThreads().map(this::freeCores).forEach(cores -> conf
                .set("spark.sql.shuffle.partitions", Integer.toString(cores))
                .setIfMissing("spark.sql.limit.initialNumPartitions", Integer.toString(cores)));
        // Adaptive execution plans a batch's query again after each stage, in jobs of their own: measured, 100 ms a
        // batch (a quarter of a batch with trends and a query) to gain nothing on a batch's few partitions.
        conf.setIfMissing("spark.sql.adaptive.enabled", "false");
        if (settings.isLocal()) {
            // Nothing leaves the machine: the driver's RPC and the block manager listen on loopback.
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
            // Received blocks off the heap (see storageLevel): on it they outlived young collections, filled the old
            // generation and made the collector pause the receiver.
            conf.setIfMissing(SparkSettings.OFF_HEAP, "true")
                    .setIfMissing(SparkSettings.OFF_HEAP_SIZE, SparkSettings.DEFAULT_OFF_HEAP_SIZE);
        }
        settings.sparkConf().forEach(conf::set);
        return conf;
    }

    /**
     * Spark binds its UI to the address in the environment variable SPARK_LOCAL_IP, or else to every interface;
     * no Spark setting changes that. The UI therefore runs only when that variable names a loopback address, unless
     * {@code spark.ui.enabled=true} is asked for in {@link SparkSettings#sparkConf()}, deliberately.
     */
    boolean uiOnLoopback() {
        String address = environment.apply("SPARK_LOCAL_IP");
        if (address == null || address.isBlank()) {
            return false;
        }
        try {
            return InetAddress.getByName(address.strip()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private void warnAboutUi(SparkConf conf) {
        if (settings.uiPort().isEmpty()) {
            return;
        }
        boolean enabled = conf.getBoolean("spark.ui.enabled", false);
        if (!enabled) {
            LOG.warn("the Spark UI is off: Spark would bind it to every network interface; start with "
                    + "SPARK_LOCAL_IP=127.0.0.1 in the environment to have it on 127.0.0.1, port {}",
                    settings.uiPort().get());
        } else if (!uiOnLoopback()) {
            String address = environment.apply("SPARK_LOCAL_IP");
            LOG.warn("the Spark UI listens on {}, reachable from other machines, as asked",
                    address == null || address.isBlank() ? "every network interface" : address);
        }
    }

    /** The stream's graph on a context: its input, then each analysis. Package-private for a serialization test. */
    void defineStream(JavaStreamingContext context, SparkConf conf, StreamJob job, String sinkKey,
                      Seq<RecordStore> stores) {
        SparkAnalyses.compile(input.open(context, conf), job, sinkKey, stores, storageLevel(conf),
                freeCores(context.sparkContext().defaultParallelism()));
        input.afterOutputs();
    }

    /** The cores of these that the receivers leave to the batches' tasks, at least one. */
    private int freeCores(int cores) {
        return Math.max(1, cores - receivers);
    }

    /** One receiver per relay, their streams unioned: each receiver keeps a core (a local thread) busy. */
    private JavaDStream<byte[]> relays(JavaStreamingContext context, SparkConf conf) {
        Duration blockInterval = Duration.ofMillis(Math.min(settings.batchInterval().toMillis(),
                conf.getTimeAsMs("spark.streaming.blockInterval", DEFAULT_BLOCK_INTERVAL.toMillis() + "ms")));
        JavaDStream<byte[]> frames = null;
        for (SparkSettings.Relay relay : settings.relays()) {
            JavaDStream<byte[]> one = context.receiverStream(new FrameReceiver(relay.host(), relay.port(),
                    settings.maxFrameBytes(), blockInterval, storageLevel(conf)));
            frames = frames == null ? one : frames.union(one);
        }
        return frames;
    }

    /**
     * Where received blocks, and what windows keep of each batch, are stored. Spark's choice for socket streams is
     * serialized, spilling to disk, with a copy on a second executor; with the write-ahead log the log is the copy,
     * so one copy is kept then. In local mode there is no second executor (the copy fails with a warning per block),
     * and the one copy goes off the heap when Spark has off-heap memory: a batch's blocks live a second or two, long
     * enough to be copied into the old generation on the heap, whose collections stopped the receiver (README,
     * Performance); off it, they are freed when released and spill to disk when it is full.
     */
    StorageLevel storageLevel(SparkConf conf) {
        if (settings.isLocal()) {
            boolean offHeap = conf.getBoolean(SparkSettings.OFF_HEAP, false)
                    && conf.getSizeAsBytes(SparkSettings.OFF_HEAP_SIZE, "0") > 0;
            return offHeap ? StorageLevel.OFF_HEAP() : StorageLevel.MEMORY_AND_DISK_SER();
        }
        return conf.getBoolean(SparkSettings.WRITE_AHEAD_LOG, false) ? StorageLevel.MEMORY_AND_DISK_SER()
                : StorageLevel.MEMORY_AND_DISK_SER_2();
    }

    private static void stopAfterFailedStart(JavaStreamingContext context) {
        try {
            context.stop(true, false);
        } catch (RuntimeException ignored) {
            // it did not start; there is nothing more to release
        }
    }

    /** How long a stop on SIGTERM may take: Spark's own graceful-stop timeout (ten batches), and some. */
    private Duration shutdownTimeout(SparkConf conf) {
        long graceful = conf.getTimeAsMs("spark.streaming.gracefulStopTimeout",
                settings.batchInterval().multipliedBy(10).toMillis() + "ms");
        return Duration.ofMillis(graceful).plusSeconds(10);
    }

    /** One line: Spark's messages can carry a stack trace (where the running context was created). */
    private static String describe(Throwable e) {
        String message = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
        String what = e.getClass().getSimpleName() + ": " + message;
        if (e instanceof IllegalAccessError || e instanceof InaccessibleObjectException) {
            return what + " (on JDK 17 Spark needs its --add-opens JVM flags)";
        }
        return what;
    }

    /**
     * A started Spark stream.
     *
     * <p>On Ctrl-C or SIGTERM it stops itself gracefully, first. Spark's own graceful shutdown
     * ({@code spark.streaming.stopGracefullyOnShutdown}) loses the last batches in local mode: the in-process
     * executor's shutdown hook (priority 100) runs before the streaming context's (51), so the last batch's tasks
     * are rejected. Spark runs all its hooks from one Hadoop shutdown hook of priority 40; this one has a higher
     * priority, so it runs before any of them.
     */
    static final class SparkRunningStream implements RunningStream {

        /** Above Spark's hooks, which Hadoop's manager runs at priority 40. */
        private static final int SHUTDOWN_PRIORITY = 50;

        private final JavaStreamingContext context;
        private final OrderedSink sink;
        private final Runnable stopOnShutdown = this::stop;
        private final boolean recovered;
        private final Option<TemporaryCheckpoint> scratch;
        private boolean stopped;
        private volatile boolean failed;

        SparkRunningStream(JavaStreamingContext context, OrderedSink sink, Duration shutdownTimeout,
                           boolean recovered, Option<TemporaryCheckpoint> scratch) {
            this.context = context;
            this.sink = sink;
            this.recovered = recovered;
            this.scratch = scratch;
            ShutdownHookManager.get().addShutdownHook(stopOnShutdown, SHUTDOWN_PRIORITY, shutdownTimeout.toMillis(),
                    TimeUnit.MILLISECONDS);
        }

        /** Whether this run resumed a checkpointed stream rather than starting a new one. */
        boolean recovered() {
            return recovered;
        }

        /**
         * Returns once the stream has stopped; rethrows the error of a failed job (a batch whose task failed Spark's
         * retries, such as a store whose database went away), after which {@link #stop} stops at once.
         */
        @Override
        public void awaitTermination() throws InterruptedException {
            try {
                context.awaitTermination();
            } catch (InterruptedException e) {
                throw e;
            } catch (Exception failed) {  // a SparkException, which Scala throws though Java's signature hides it
                this.failed = true;
                throw failed;
            }
        }

        /**
         * Stops receiving, processes every block already received, hands its batches to the sink, then stops the
         * Spark context; once a batch has failed, stops at once. A second call waits for the first and returns.
         */
        @Override
        public synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            try {
                // After a failed batch, the batches waiting would fail the same way, one after the other; with a
                // checkpoint they run again on restart (a failed batch stays pending), without one they are lost.
                context.stop(true, !failed);
            } finally {
                sink.unregister();
                scratch.forEach(TemporaryCheckpoint::remove);
                if (!ShutdownHookManager.get().isShutdownInProgress()) {
                    ShutdownHookManager.get().removeShutdownHook(stopOnShutdown);
                }
            }
        }
    }
}
