package io.tweetpipe.application.memory;

import io.tweetpipe.application.port.out.TweetRecording;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.function.Consumer;

/**
 * A finite source in memory that filters as Twitter does server-side: only matching statuses pass. Read as a
 * recording, it hands on every status, unfiltered.
 */
public final class InMemoryTweetSource implements TweetSource, TweetRecording {

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

    @Override
    public Either<Rejection, Long> read(Consumer<Tweet> tweets) throws InterruptedException {
        long delivered = 0;
        for (StreamMessage message : messages) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (message instanceof StreamMessage.Status status) {
                tweets.accept(status.tweet());
                delivered++;
            }
        }
        return Either.right(delivered);
    }
}
