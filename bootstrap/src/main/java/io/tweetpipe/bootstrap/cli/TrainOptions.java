package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.adapters.twitter.replay.ReplaySettings;
import io.tweetpipe.application.port.in.TrainLanguageModelUseCase.Plan;
import io.tweetpipe.bootstrap.config.PipelineConfig.Training;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.nio.file.Path;
import picocli.CommandLine;

/** What the train mode learns from, where the model goes, and how it is tested. */
final class TrainOptions {

    @CommandLine.Option(names = "--replay-file", paramLabel = "PATH",
            description = "the recording to learn from, Twitter v1.1 JSON lines (default: the bundled sample)")
    Path replayFile;
    @CommandLine.Option(names = "--model", paramLabel = "DIR",
            description = "where to save the model: a new or empty directory, or one holding an earlier model")
    String model;
    @CommandLine.Option(names = "--held-out", paramLabel = "SHARE", defaultValue = "0.2",
            description = "the share of tweets kept out of training to test the model on (default: ${DEFAULT-VALUE})")
    double heldOut;
    @CommandLine.Option(names = "--seed", paramLabel = "N", defaultValue = "" + Plan.SEED,
            description = "seeds the held-out draw: the same recording and seed hold out the same tweets "
                    + "(default: ${DEFAULT-VALUE})")
    long seed;
    @CommandLine.Option(names = "--master", paramLabel = "URL",
            defaultValue = "${sys:spark.master:-${env:TWEETPIPE_MASTER:-local[2]}}",
            description = "Spark master to train on (default: ${DEFAULT-VALUE})")
    String master;

    /** The recording read once, as fast as it reads. */
    Validation<Seq<Rejection>, ReplaySettings> recording() {
        return ReplaySettings.of(Option.of(replayFile), ReplaySettings.AS_FAST_AS_POSSIBLE, false);
    }

    Validation<Seq<Rejection>, Training> training() {
        Seq<Rejection> problems = List.<Rejection>empty()
                .appendAll(model == null || model.isBlank() ? List.of(Rejection.of("model",
                        "give a directory to save the model in: --model DIR")) : List.empty())
                .appendAll(heldOut > 0 && heldOut < 1 ? List.empty() : List.of(Rejection.of("held-out",
                        "a share between 0 and 1, both excluded, got " + heldOut)));
        return problems.isEmpty() ? Validation.valid(new Training(master, new Plan(model, heldOut, seed)))
                : Validation.invalid(problems);
    }
}
