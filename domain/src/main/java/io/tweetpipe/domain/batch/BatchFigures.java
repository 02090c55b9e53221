package io.tweetpipe.domain.batch;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a batch went, known only once it has completed.
 *
 * @param records records received for the batch (before preprocessing drops empty ones)
 * @param processing how long the batch's jobs took
 * @param schedulingDelay how long the batch waited for earlier ones: when it grows, the job is falling behind
 */
public record BatchFigures(Instant time, long records, Duration processing, Duration schedulingDelay)
        implements StreamOutput {

    public BatchFigures {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(processing, "processing");
        Objects.requireNonNull(schedulingDelay, "schedulingDelay");
    }
}
