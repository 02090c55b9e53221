package io.tweetpipe.application.port.out;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;

/**
 * Checks that a directory holds a language model this build can apply, before any stream starts: a directory with no
 * model, or with one saved by an incompatible version, is one line saying so, not a failure in the middle of a job.
 */
@FunctionalInterface
public interface ModelInspector {

    Either<Rejection, SavedModel> inspect(String directory);
}
