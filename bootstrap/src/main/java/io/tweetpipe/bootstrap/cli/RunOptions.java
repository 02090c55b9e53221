package io.tweetpipe.bootstrap.cli;

import io.vavr.control.Option;
import java.time.Duration;
import picocli.CommandLine;

/** How long a run lasts (every mode). */
final class RunOptions {

    static final String HEADING = "%nGeneral:%n";

    @CommandLine.Option(names = "--run-for", paramLabel = "D", converter = DurationConverter.class,
            description = "stop by itself after D, e.g. 30s (default: run until Ctrl-C)")
    Duration runFor;

    Option<Duration> runFor() {
        return Option.of(runFor);
    }
}
