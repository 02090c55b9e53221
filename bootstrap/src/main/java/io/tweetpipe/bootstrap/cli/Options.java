package io.tweetpipe.bootstrap.cli;

import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a user can say on the command line, with the defaults the README promises.
 *
 * @param relays what the stream reads when it reads more than the one relay at {@code host:port}; empty for that one
 * @param maxRate the most tweets per second the stream reads, if capped
 * @param backpressure whether Spark adapts the stream's read rate to what its batches process: on unless the user
 *     turns it off, because a receiver that reads as fast as it can keeps a flood it cannot process in memory
 * @param checkpoint where the stream checkpoints, for a restart to resume it
 */
public record Options(
        Mode mode,
        List<String> keywords,
        List<String> languages,
        String host,
        int port,
        boolean exposed,
        Duration batchInterval,
        String master,
        SourceKind source,
        Option<Path> replayFile,
        double rate,
        boolean loop,
        Option<Path> record,
        Option<String> streamBaseUrl,
        int maxFrameBytes,
        Option<Duration> runFor,
        List<Endpoint> relays,
        Option<Long> maxRate,
        boolean backpressure,
        Option<String> checkpoint) {

    /** Where spark-submit says the job runs: it passes {@code --master} on as this system property. */
    public static final String SPARK_MASTER_PROPERTY = "spark.master";
    public static final String DEFAULT_MASTER = "local[2]";

    /** One relay the stream reads. */
    public record Endpoint(String host, int port) {
        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    /** The defaults; the master is spark-submit's when it launched this JVM, else local[2]. */
    public static Options defaults() {
        return new Options(Mode.DEMO, List.of("covid"), List.of("en"), "127.0.0.1", 5555, false,
                Duration.ofSeconds(1), defaultMaster(), SourceKind.REPLAY, Option.none(), 100, true, Option.none(),
                Option.none(), 1 << 20, Option.none(), List.empty(), Option.none(), true, Option.none());
    }

    static String defaultMaster() {
        String given = System.getProperty(SPARK_MASTER_PROPERTY);
        return given == null || given.isBlank() ? DEFAULT_MASTER : given.strip();
    }
}
