package io.tweetpipe.application.port.out;

/** A started stream processor. */
public interface RunningStream {

    /** Blocks until the stream has stopped. */
    void awaitTermination() throws InterruptedException;

    /** Stops gracefully: what was already received is processed and reaches the sink before this returns. */
    void stop();
}
