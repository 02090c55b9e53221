package io.tweetpipe.application.memory;

import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.function.Consumer;

/** A finite source in memory that filters as Twitter does server-side: only matching statuses pass. */
public final class InMemoryTweetSource implements TweetSource {

    private final Seq<StreamMessage> messages;

    public InMemoryTweetSource(Seq<StreamMessage> messages) {
        this.messages = messages;
    }

    @Override
    public Either<Rejection, Long> stream(TrackFilter filter, Consumer<StreamMessage> listener)
            throws InterruptedException {
        long delivered = 0;
        for (StreamMessage message : messages) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (message instanceof StreamMessage.Status status && !filter.matches(status.tweet())) {
                continue;
            }
            listener.accept(message);
            delivered++;
        }
        return Either.right(delivered);
    }
}
