package io.tweetpipe.application.port.out;

import io.tweetpipe.domain.batch.StreamOutput;

/** Where processed batches, and then their figures, go: the console, or a test's capture. */
@FunctionalInterface
public interface BatchSink {

    void accept(StreamOutput output);
}
