package io.tweetpipe.bootstrap.testing;

import io.tweetpipe.bootstrap.cli.Cli;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;

/** The settings of a command line, or its mistakes: for tests and tools that run a mode themselves. */
public final class CommandLines {

    private CommandLines() {
    }

    public static Validation<Seq<String>, PipelineConfig> config(String... args) {
        Cli.Outcome outcome = Cli.parse(args, System.out);
        if (outcome instanceof Cli.Run run) {
            return Validation.valid(run.config());
        }
        return Validation.invalid(outcome instanceof Cli.Mistakes mistakes ? mistakes.lines() : List.of("printed"));
    }
}
