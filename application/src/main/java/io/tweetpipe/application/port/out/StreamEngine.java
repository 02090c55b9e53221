package io.tweetpipe.application.port.out;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.analysis.StreamJob;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/**
 * What runs the stream job: Spark Streaming, or memory. Its input (the relay's socket) is its own business; how it
 * computes each analysis too, as long as the results are the ones the analysis defines.
 */
public interface StreamEngine {

    /**
     * Starts the job: nothing runs before this, as in Spark. Every result, then each batch's figures, goes to the
     * sink in time order; every record goes to each store, batch by batch. Left when the engine could not start.
     */
    Either<Rejection, RunningStream> start(StreamJob job, BatchSink sink, Seq<RecordStore> stores);

    /** With no store. */
    default Either<Rejection, RunningStream> start(StreamJob job, BatchSink sink) {
        return start(job, sink, List.empty());
    }
}
