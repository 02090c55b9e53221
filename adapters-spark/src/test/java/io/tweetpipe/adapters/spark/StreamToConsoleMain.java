package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import java.time.Duration;

/** The stream processor as a process of its own, printing to the console: for the SIGTERM test. */
public final class StreamToConsoleMain {

    static final String STARTED = "stream started";

    private StreamToConsoleMain() {
    }

    public static void main(String[] args) throws Exception {
        SparkSettings settings = TestSettings.reading(Integer.parseInt(args[0]), Duration.parse(args[1]));
        RunningStream running = new SparkStreamEngine(settings)
                .start(StreamJob.sampling(Batch.PRINTED), new ConsoleBatchSink(System.out))
                .getOrElseThrow(rejection -> new IllegalStateException(rejection.toString()));
        System.out.println(STARTED);
        running.awaitTermination();
    }
}
