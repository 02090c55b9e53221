package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.time.Duration;
import picocli.CommandLine;

/** How Spark Streaming runs the stream (stream and demo). */
final class StreamOptions {

    static final String HEADING = "%nStream:%n";

    @CommandLine.Option(names = "--batch-interval", paramLabel = "D", defaultValue = "1s",
            converter = RunOptions.DurationConverter.class,
            description = "micro-batch interval, e.g. 1s, 500ms (default: ${DEFAULT-VALUE})")
    Duration batchInterval;

    @CommandLine.Option(names = "--master", paramLabel = "URL",
            defaultValue = "${sys:spark.master:-${env:TWEETPIPE_MASTER:-local[2]}}",
            description = "Spark master (default: ${DEFAULT-VALUE}; the master spark-submit was given, then "
                    + "environment: TWEETPIPE_MASTER, come first)")
    String master;
    @CommandLine.Option(names = "--max-rate", paramLabel = "N",
            description = "read at most N tweets per second; the rest waits in the socket and the relay, which "
                    + "never blocks, drops what a full outbox cannot hold (default: no cap)")
    Long maxRate;
    @CommandLine.Option(names = "--backpressure", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "let Spark adapt the read rate to what batches can process, at most --max-rate (the "
                    + "default, so that a flood waits in the socket, not in the job's memory); --no-backpressure "
                    + "reads as fast as the socket gives, up to --max-rate: without a --max-rate, a flood the "
                    + "batches cannot keep up with fills the stream's memory")
    boolean backpressure;
    @CommandLine.Option(names = "--checkpoint", paramLabel = "DIR", defaultValue = "${env:TWEETPIPE_CHECKPOINT}",
            description = "checkpoint the stream and log what it receives in DIR: a restart with the same DIR "
                    + "resumes it, and processes what was received before the stop (environment: "
                    + "TWEETPIPE_CHECKPOINT)")
    String checkpoint;

    /** Spark's settings for reading these relays with records of at most {@code maxFrameBytes}. */
    Validation<Seq<Rejection>, SparkSettings> spark(Seq<SparkSettings.Relay> relays, int maxFrameBytes) {
        SparkSettings.Builder spark = SparkSettings.builder(master, batchInterval).relays(relays)
                .maxFrameBytes(maxFrameBytes).backpressure(backpressure);
        if (maxRate != null) {
            spark.maxRate(maxRate);
        }
        if (checkpoint != null) {
            spark.checkpoint(checkpoint);
        }
        return spark.validate();
    }
}
