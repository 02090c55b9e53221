package io.tweetpipe.domain.batch;

/** What the stream processor reports, batch by batch: the batch's records, then, once it is done, its figures. */
public sealed interface StreamOutput permits Batch, BatchFigures {
}
