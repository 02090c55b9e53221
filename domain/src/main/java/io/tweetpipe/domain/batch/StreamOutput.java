package io.tweetpipe.domain.batch;

import java.time.Instant;

/**
 * What the stream job reports: each analysis's result for a batch or a window end, then, once the batch is done, its
 * figures. Every sink receives them in time order.
 */
public interface StreamOutput {

    /** The batch time, or the time the window ends, as Spark names batches. */
    Instant time();
}
