package io.tweetpipe.bootstrap.bench;

import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.testing.CommandLines;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Validation;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * tweetpipe's stream process as {@code tweetpipe stream [options]} runs it (the same command line, configuration
 * and {@code StreamModule}), printing to the console through {@link CountingConsoleSink}. It stops gracefully on
 * a line {@code stop} on standard input, when standard input ends (the harness went away), or on SIGTERM.
 */
public final class TweetpipeJob {

    private static volatile boolean stopping;

    private TweetpipeJob() {
    }

    public static void main(String[] args) throws Exception {
        Validation<Seq<String>, PipelineConfig> config = CommandLines.config(args);
        if (config.isInvalid()) {
            System.err.println("bench: " + config.getError().mkString("; "));
            System.exit(2);
            return;
        }
        Either<Rejection, RunningStream> started =
                DaggerBenchStreamComponent.factory().create(config.get()).processTweetStream().start();
        if (started.isLeft()) {
            System.err.println("bench: " + started.getLeft());
            System.exit(1);
            return;
        }
        RunningStream running = started.get();
        Thread ended = new Thread(() -> {
            try {
                running.awaitTermination();
            } catch (InterruptedException | RuntimeException e) {
                // the main thread decides
            }
            if (!stopping) {
                System.out.println("bench-ended: the stream stopped by itself");
                System.out.flush();
                System.exit(3);
            }
        }, "bench-watch");
        ended.setDaemon(true);
        ended.start();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !line.strip().equals("stop"); line = in.readLine()) {
                // only "stop" means anything
            }
        }
        stopping = true;
        running.stop();
        System.exit(0);
    }
}
