package io.tweetpipe.application.port.out;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.control.Either;
import java.util.function.Consumer;

/** Where tweets come from: Twitter's filtered stream, a recording of it, or memory. */
@FunctionalInterface
public interface TweetSource {

    /**
     * Delivers what the filter matches, in arrival order, on the calling thread, until the source is exhausted
     * (right: how many messages it delivered), fails for good (left: what to fix), or the thread is interrupted.
     * A live source is never exhausted.
     */
    Either<Rejection, Long> stream(TrackFilter filter, Consumer<StreamMessage> listener) throws InterruptedException;
}
