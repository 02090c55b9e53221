package io.tweetpipe.application.port.out;

import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.tweet.TweetId;

/** Where framed tweets go: the relay's readers. */
@FunctionalInterface
public interface FramePublisher {

    /** What became of one frame. */
    enum Delivery {
        /** Handed to at least one connected reader. */
        SENT,
        /** No reader was connected; kept for the next one. */
        BACKLOGGED,
        /** Nobody could take it without blocking the source or growing memory past its bound. */
        DROPPED
    }

    /** Publishes without ever blocking on a slow reader. */
    Delivery publish(Frame frame);

    /**
     * Publishes the frame of that tweet: a partitioned transport keys it by the id, so one tweet always lands in one
     * partition; a publisher without keys ignores the id.
     */
    default Delivery publish(Frame frame, TweetId id) {
        return publish(frame);
    }
}
