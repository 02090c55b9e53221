package io.tweetpipe.adapters.twitter.replay;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * What to replay and how fast.
 *
 * @param file a file of Twitter v1.1 or X v2 JSON lines (one message a line, as the streaming API sends them and as
 *     {@code --record} writes them); none means the bundled sample
 * @param rate tweets handed on per second; {@value #AS_FAST_AS_POSSIBLE} means as fast as the listener takes them.
 *     Only tweets that pass the filter are paced; notices pass at once.
 * @param loop start again from the first line at the end, forever
 */
public record ReplaySettings(Option<Path> file, double rate, boolean loop) {

    public static final double AS_FAST_AS_POSSIBLE = 0;
    public static final double MAX_RATE = 1_000_000;

    public ReplaySettings {
        Objects.requireNonNull(file, "file");
        if (!validRate(rate)) {
            throw new IllegalArgumentException(rateProblem(rate));
        }
    }

    /**
     * Checks everything a user can get wrong at once: the rate, and that a given file exists, is a regular file and
     * can be read.
     */
    public static Validation<Seq<Rejection>, ReplaySettings> of(Option<Path> file, double rate, boolean loop) {
        Seq<Rejection> problems = List.<Rejection>empty()
                .appendAll(validRate(rate) ? List.empty() : List.of(Rejection.of("rate", rateProblem(rate))))
                .appendAll(file.flatMap(ReplaySettings::fileProblem));
        return problems.isEmpty()
                ? Validation.valid(new ReplaySettings(file, rate, loop))
                : Validation.invalid(problems);
    }

    /** The bundled sample at this rate. */
    public static Validation<Seq<Rejection>, ReplaySettings> bundledSample(double rate, boolean loop) {
        return of(Option.none(), rate, loop);
    }

    /** What is replayed, for messages: the file's path or "the bundled sample". */
    public String describe() {
        return file.map(Path::toString).getOrElse("the bundled sample");
    }

    static Option<Rejection> fileProblem(Path path) {
        if (!Files.exists(path)) {
            return Option.some(Rejection.of("replay file", path + " does not exist"));
        }
        if (!Files.isRegularFile(path)) {
            return Option.some(Rejection.of("replay file", path + " is not a regular file"));
        }
        if (!Files.isReadable(path)) {
            return Option.some(Rejection.of("replay file", path + " cannot be read (check its permissions)"));
        }
        return Option.none();
    }

    private static boolean validRate(double rate) {
        return rate >= 0 && rate <= MAX_RATE;
    }

    private static String rateProblem(double rate) {
        return "the rate is tweets per second, from 0 (as fast as possible) to " + (long) MAX_RATE + "; got " + rate;
    }
}
