package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.control.Either;
import java.lang.reflect.InaccessibleObjectException;
import java.time.Duration;
import java.util.Objects;
import org.apache.spark.SparkConf;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * The stream processor on Spark Streaming, the seed's second program: a receiver on the relay's socket, the
 * domain's preprocessing applied inside Spark, each batch counted and sampled by one job and handed to the sink,
 * followed by its figures from a streaming listener.
 *
 * <p>Spark allows one active context per JVM: start one stream at a time, and stop it before starting another.
 * Ctrl-C and SIGTERM stop gracefully ({@code spark.streaming.stopGracefullyOnShutdown}), through Spark's own
 * shutdown hook, which runs before the one that stops the Spark context.
 */
public final class SparkStreamEngine implements StreamEngine {

    /** Shorter than Spark's 200 ms: a tweet waits at most this long in the receiver before Spark sees it. */
    static final Duration DEFAULT_BLOCK_INTERVAL = Duration.ofMillis(100);

    private final SparkSettings settings;

    public SparkStreamEngine(SparkSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public Either<Rejection, RunningStream> start(Plan plan, BatchSink sink) {
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(sink, "sink");
        SparkLogging.quietUnlessConfigured();
        OrderedSink ordered = OrderedSink.register(sink);
        JavaStreamingContext context = null;
        try {
            SparkConf conf = sparkConf();
            context = new JavaStreamingContext(conf, Durations.milliseconds(settings.batchInterval().toMillis()));
            defineStream(context, conf, plan, ordered.key());
            context.addStreamingListener(new FiguresListener(ordered));
            context.start();
            return Either.right(new SparkRunningStream(context, ordered));
        } catch (Exception | LinkageError e) {
            ordered.unregister();
            if (context != null) {
                stopAfterFailedStart(context);
            }
            return Either.left(Rejection.of("spark", "Spark Streaming could not start: " + describe(e)));
        }
    }

    /** What Spark is told; {@link SparkSettings#sparkConf()} comes last and wins. */
    SparkConf sparkConf() {
        // new SparkConf() keeps the spark.* system properties that spark-submit passes (spark.jars and the like).
        SparkConf conf = new SparkConf()
                .setMaster(settings.master())
                .setAppName(settings.appName())
                .set("spark.ui.enabled", Boolean.toString(settings.uiPort().isDefined()))
                .set("spark.ui.showConsoleProgress", "false")
                .set("spark.streaming.stopGracefullyOnShutdown", "true");
        settings.uiPort().forEach(port -> conf.set("spark.ui.port", Integer.toString(port)));
        if (settings.isLocal()) {
            // Nothing leaves the machine: the driver, the block manager and the UI's links stay on loopback.
            conf.set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
        }
        settings.sparkConf().forEach(conf::set);
        return conf;
    }

    private void defineStream(JavaStreamingContext context, SparkConf conf, Plan plan, String sinkKey) {
        Duration blockInterval = Duration.ofMillis(Math.min(settings.batchInterval().toMillis(),
                conf.getTimeAsMs("spark.streaming.blockInterval", DEFAULT_BLOCK_INTERVAL.toMillis() + "ms")));
        FrameReceiver receiver = new FrameReceiver(settings.host(), settings.port(), settings.maxFrameBytes(),
                blockInterval, storageLevel(conf));
        // Several relays would be several receivers, one stream each, unioned here.
        JavaDStream<String> frames = context.receiverStream(receiver);
        // Local copies: the functions Spark ships hold the domain's preprocessing and numbers, nothing else.
        Preprocessing preprocessing = plan.preprocessing();
        int recordsPerBatch = plan.recordsPerBatch();
        frames.flatMap(new PreprocessFrames(preprocessing))
                .foreachRDD(new PublishBatch(recordsPerBatch, sinkKey));
    }

    /**
     * Spark's choice for socket streams is serialized, spilling to disk, with a copy on a second executor. In local
     * mode there is no second executor (the copy fails with a warning per block), and with the write-ahead log the
     * log is the copy, so one copy is kept then.
     */
    StorageLevel storageLevel(SparkConf conf) {
        boolean writeAheadLog = conf.getBoolean("spark.streaming.receiver.writeAheadLog.enable", false);
        return settings.isLocal() || writeAheadLog ? StorageLevel.MEMORY_AND_DISK_SER()
                : StorageLevel.MEMORY_AND_DISK_SER_2();
    }

    private static void stopAfterFailedStart(JavaStreamingContext context) {
        try {
            context.stop(true, false);
        } catch (RuntimeException ignored) {
            // it did not start; there is nothing more to release
        }
    }

    private static String describe(Throwable e) {
        String what = e.getClass().getSimpleName() + ": " + e.getMessage();
        if (e instanceof IllegalAccessError || e instanceof InaccessibleObjectException) {
            return what + " (on JDK 17 Spark needs its --add-opens JVM flags)";
        }
        return what;
    }

    /** A started Spark stream. */
    private static final class SparkRunningStream implements RunningStream {

        private final JavaStreamingContext context;
        private final OrderedSink sink;
        private boolean stopped;

        SparkRunningStream(JavaStreamingContext context, OrderedSink sink) {
            this.context = context;
            this.sink = sink;
        }

        @Override
        public void awaitTermination() throws InterruptedException {
            context.awaitTermination();
        }

        /**
         * Stops receiving, processes every block already received, hands its batches to the sink, then stops the
         * Spark context. A second call waits for the first and returns.
         */
        @Override
        public synchronized void stop() {
            if (stopped) {
                return;
            }
            stopped = true;
            try {
                context.stop(true, true);
            } finally {
                sink.unregister();
            }
        }
    }
}
