package io.tweetpipe.application.port.in;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.learning.TrainingReport;
import io.vavr.control.Either;
import java.util.Objects;

/** {@code tweetpipe train}: a language model learnt offline from a recording, tested on tweets it never saw, saved. */
public interface TrainLanguageModelUseCase {

    /**
     * What to train.
     *
     * @param modelDirectory where the model goes
     * @param heldOutShare the share of the recording's tweets kept out of training to test the model on
     * @param seed for the split: the same recording and seed always hold out the same tweets
     */
    record Plan(String modelDirectory, double heldOutShare, long seed) {
        public static final double HELD_OUT_SHARE = 0.2;
        public static final long SEED = 20261124L;

        public Plan {
            Objects.requireNonNull(modelDirectory, "modelDirectory");
            if (!(heldOutShare > 0 && heldOutShare < 1)) {
                throw new IllegalArgumentException("held-out share " + heldOutShare);
            }
        }

        public Plan(String modelDirectory) {
            this(modelDirectory, HELD_OUT_SHARE, SEED);
        }
    }

    /** Reads the recording, trains, tests and saves: right with the report, left with what to fix. */
    Either<Rejection, TrainingReport> train(Plan plan) throws InterruptedException;
}
