package io.tweetpipe.application.port.out;

import io.tweetpipe.domain.batch.StreamOutput;

/**
 * Where the stream job's results go, then each batch's figures, in time order: the console, files, a database, the
 * dashboard, or a test's capture. The stream service hands each output to every sink.
 */
@FunctionalInterface
public interface BatchSink {

    void accept(StreamOutput output);
}
