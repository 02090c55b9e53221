package io.tweetpipe.bootstrap;

import io.tweetpipe.adapters.twitter.replay.ReplayTweetSource;
import io.tweetpipe.adapters.web.Dashboard;
import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.application.port.in.RelayReport;
import io.tweetpipe.application.port.in.RelayTweetsUseCase;
import io.tweetpipe.application.port.in.TrainLanguageModelUseCase;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.bootstrap.broker.EmbeddedKafka;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.di.RelayOutlet;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.learning.TrainingReport;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.PrintStream;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Runs the seed's two programs, alone or together, until the user stops them (Ctrl-C, SIGTERM), a part fails, or
 * {@code --run-for} elapses; then stops them in the order that loses least: the source first, then the relay
 * flushes to its readers and closes, then the stream processes what it received.
 */
final class Programs {

    private static final System.Logger LOG = System.getLogger("tweetpipe");
    private static final Duration PROGRESS_EVERY = Duration.ofSeconds(10);

    private final PipelineConfig config;
    private final StopSignal stop;
    private final PrintStream summary;
    private volatile boolean streamFailed;

    /**
     * @param summary where the relay's closing count goes: straight to the stream, not through logging, because
     *     after a signal java.util.logging (and Spark's log4j) may already have shut down in hooks of their own
     */
    Programs(PipelineConfig config, StopSignal stop, PrintStream summary) {
        this.config = config;
        this.stop = stop;
        this.summary = summary;
    }

    int relay(RelayTweetsUseCase relayTweets, RelayOutlet outlet, Option<ReplayTweetSource> replay)
            throws InterruptedException {
        Relaying relaying = new Relaying(relayTweets, outlet, replay);
        try {
            LOG.log(Level.INFO, "stopping: {0}", stop.await(config.runFor()));
        } finally {
            relaying.close();
        }
        return relaying.exitCode();
    }

    int stream(ProcessTweetStreamUseCase processTweetStream, Option<Dashboard> dashboard)
            throws InterruptedException {
        return runStream(Option.none(), processTweetStream, dashboard, Option.none());
    }

    /** Both programs; an embedded Kafka broker, if the run has one, is closed once the stream has stopped. */
    int demo(RelayTweetsUseCase relayTweets, RelayOutlet outlet, Option<ReplayTweetSource> replay,
             ProcessTweetStreamUseCase processTweetStream, Option<Dashboard> dashboard, Option<EmbeddedKafka> broker)
            throws InterruptedException {
        return runStream(Option.some(new Relaying(relayTweets, outlet, replay)), processTweetStream, dashboard,
                broker);
    }

    /**
     * {@code tweetpipe train}: the report on {@code out} (counts, held-out accuracy, confusion matrix, where the model
     * went), or the one line saying why not on the summary stream and exit code 1.
     */
    int train(TrainLanguageModelUseCase trainLanguageModel, PrintStream out) throws InterruptedException {
        Either<Rejection, TrainingReport> trained = trainLanguageModel.train(config.training().get().plan());
        trained.forEach(report -> report.lines().forEach(out::println));
        trained.swap().forEach(rejection -> summary.println("tweetpipe: " + rejection));
        return trained.isRight() ? 0 : 1;
    }

    /** The stream, and the relay when it runs in the same process: the relay stops first, then the stream. */
    private int runStream(Option<Relaying> relaying, ProcessTweetStreamUseCase processTweetStream,
                          Option<Dashboard> dashboard, Option<EmbeddedKafka> broker) throws InterruptedException {
        Either<Rejection, RunningStream> started = processTweetStream.start();
        if (started.isLeft()) {
            LOG.log(Level.ERROR, "{0}", started.getLeft());
            for (Relaying relay : relaying) {
                relay.close();
            }
            dashboard.forEach(Dashboard::close);
            broker.forEach(EmbeddedKafka::close);
            return 1;
        }
        RunningStream running = started.get();
        watchForEnd(running);
        try {
            LOG.log(Level.INFO, "stopping: {0}", stop.await(config.runFor()));
        } finally {
            for (Relaying relay : relaying) {
                relay.close();
                // What the relay flushed sits in the receiver's socket; give it a batch to become a block.
                long batchMillis = config.spark().map(spark -> spark.batchInterval().toMillis()).getOrElse(0L);
                TimeUnit.MILLISECONDS.sleep(batchMillis);
            }
            running.stop();
            dashboard.forEach(Dashboard::close);
            broker.forEach(EmbeddedKafka::close);
        }
        return streamFailed ? 1 : relaying.map(Relaying::exitCode).getOrElse(0);
    }

    /**
     * If the stream ends by itself, or a batch fails (Spark gave up on a task after its retries: a store whose
     * database or disk went away), the run ends too, with one line and exit code 1. A restart with the same
     * {@code --checkpoint} runs the failed batch again; stores are idempotent, so it adds no duplicate.
     */
    private void watchForEnd(RunningStream running) {
        daemon("tweetpipe-stream-watch", () -> {
            try {
                running.awaitTermination();
                stop.fire("the stream processor ended");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception failed) {  // a SparkException: Scala throws it though Java's signature hides it
                streamFailed = true;
                LOG.log(Level.ERROR, "a batch failed, the stream stops: {0}", firstLine(failed));
                stop.fire("a batch failed");
            }
        }).start();
    }

    /** The innermost message, on one line: Spark wraps a task's failure in a job's, with stack traces in between. */
    static String firstLine(Throwable failed) {
        Throwable cause = failed;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? "" : cause.getMessage().strip();
        return message.isEmpty() ? cause.getClass().getSimpleName() : message.lines().findFirst().orElseThrow().strip();
    }

    private static Thread daemon(String name, Runnable work) {
        Thread thread = new Thread(work, name);
        thread.setDaemon(true);
        return thread;
    }

    /** The source on its own thread, a progress line now and then, and the outcome. */
    private final class Relaying {
        private final RelayTweetsUseCase relayTweets;
        private final RelayOutlet outlet;
        private final Option<ReplayTweetSource> replay;
        private final long startedNanos = System.nanoTime();
        private final Thread source;
        private final Thread progress;
        private volatile Either<Rejection, RelayReport> outcome;

        Relaying(RelayTweetsUseCase relayTweets, RelayOutlet outlet, Option<ReplayTweetSource> replay) {
            this.relayTweets = relayTweets;
            this.outlet = outlet;
            this.replay = replay;
            LOG.log(Level.INFO, "relay {0}, tracking {1} in {2}", outlet.where(),
                    config.filter().phrases().mkString(", "),
                    config.filter().languages().isEmpty() ? "every language"
                            : config.filter().languages().mkString(", "));
            this.source = new Thread(this::relay, "tweetpipe-source");
            this.progress = daemon("tweetpipe-progress", this::reportProgress);
            source.start();
            progress.start();
        }

        private void relay() {
            try {
                outcome = relayTweets.relay(config.filter());
                if (outcome.isLeft()) {
                    LOG.log(Level.ERROR, "the source stopped: {0}", outcome.getLeft());
                    stop.fire("the source failed");
                } else {
                    LOG.log(Level.INFO, "the source has no more tweets ({0}); still serving readers",
                            RelayLines.counts(outcome.get()));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private void reportProgress() {
            try {
                while (true) {
                    TimeUnit.MILLISECONDS.sleep(PROGRESS_EVERY.toMillis());
                    LOG.log(Level.INFO, RelayLines.progress(relayTweets.progress(),
                            replay.map(ReplayTweetSource::position),
                            Duration.ofNanos(System.nanoTime() - startedNanos)));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** Stops the source, then closes the socket or the producer, which flushes what is pending. */
        void close() throws InterruptedException {
            source.interrupt();
            source.join(TimeUnit.SECONDS.toMillis(10));
            progress.interrupt();
            outlet.close();
            RelayReport report = relayTweets.progress();
            summary.println("tweetpipe: " + outlet.socket().map(socket -> RelayLines.stopped(report, socket.stats(),
                    config.verbose())).getOrElse(() -> "relay stopped: " + (config.verbose() ? report + "; "
                    + outlet.stats() : RelayLines.counts(report))));
        }

        int exitCode() {
            Either<Rejection, RelayReport> result = outcome;
            return result != null && result.isLeft() ? 1 : 0;
        }
    }
}
