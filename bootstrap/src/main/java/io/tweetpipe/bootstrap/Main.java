package io.tweetpipe.bootstrap;

import io.tweetpipe.bootstrap.cli.Cli;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.di.DaggerDemoComponent;
import io.tweetpipe.bootstrap.di.DaggerRelayComponent;
import io.tweetpipe.bootstrap.di.DaggerStreamComponent;
import io.tweetpipe.bootstrap.di.DaggerTrainComponent;
import io.tweetpipe.bootstrap.di.DemoComponent;
import io.tweetpipe.bootstrap.di.RelayComponent;
import io.tweetpipe.bootstrap.di.StartupFailure;
import io.tweetpipe.bootstrap.di.StreamComponent;
import java.io.PrintStream;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code tweetpipe [demo|relay|stream|train] [options]}. Exit codes: 0 done, 1 a part failed at run time (a port taken, a
 * source refused), 2 a usage mistake. A user's mistake is one line on standard error, never a stack trace.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        Logging.configure();
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        Cli.Outcome outcome = Cli.parse(args, out);
        if (outcome instanceof Cli.Mistakes mistakes) {
            mistakes.lines().forEach(line -> err.println("tweetpipe: " + line));
            err.println("Try '" + mistakes.help() + " --help'.");
            return 2;
        }
        return outcome instanceof Cli.Run run ? runUntilStopped(run.config(), out, err) : 0;
    }

    private static void removeQuietly(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the JVM is already on its way out, running this very hook
        }
    }

    private static int runUntilStopped(PipelineConfig config, PrintStream out, PrintStream err) {
        StopSignal stop = new StopSignal();
        CountDownLatch finished = new CountDownLatch(1);
        Thread hook = new Thread(() -> {
            stop.fire("asked to stop");
            try {
                finished.await(60, TimeUnit.SECONDS);  // let the run stop in order before the JVM goes
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "tweetpipe-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            Programs programs = new Programs(config, stop, err);
            return switch (config.mode()) {
                case RELAY -> {
                    RelayComponent relay = DaggerRelayComponent.factory().create(config);
                    yield programs.relay(relay.relayTweets(), relay.relayOutlet(), relay.replaySource());
                }
                case STREAM -> {
                    StreamComponent stream = DaggerStreamComponent.factory().create(config);
                    yield programs.stream(stream.processTweetStream(), stream.dashboard());
                }
                case DEMO -> {
                    DemoComponent demo = DaggerDemoComponent.factory().create(config);
                    yield programs.demo(demo.relayTweets(), demo.relayOutlet(), demo.replaySource(),
                            demo.processTweetStream(), demo.dashboard(), demo.embeddedKafka());
                }
                case TRAIN -> programs.train(DaggerTrainComponent.factory().create(config).trainLanguageModel(), out);
            };
        } catch (StartupFailure failure) {
            err.println("tweetpipe: " + failure.rejection());
            return 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        } finally {
            finished.countDown();
            removeQuietly(hook);
        }
    }
}
