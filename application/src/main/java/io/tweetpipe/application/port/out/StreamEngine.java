package io.tweetpipe.application.port.out;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.control.Either;
import java.util.Objects;

/** What runs the stream processor: Spark Streaming, or memory. Its input (the relay's socket) is its own business. */
@FunctionalInterface
public interface StreamEngine {

    /**
     * What to do with each batch.
     *
     * @param recordsPerBatch how many records of each batch the sink is shown (print() shows ten; a capture wants
     *     {@link io.tweetpipe.domain.batch.BatchTally#EVERYTHING})
     */
    record Plan(Preprocessing preprocessing, int recordsPerBatch) {
        public Plan {
            Objects.requireNonNull(preprocessing, "preprocessing");
            if (recordsPerBatch < 0) {
                throw new IllegalArgumentException("recordsPerBatch " + recordsPerBatch);
            }
        }
    }

    /** Starts processing: nothing runs before this, as in Spark. Left when the engine could not start. */
    Either<Rejection, RunningStream> start(Plan plan, BatchSink sink);
}
