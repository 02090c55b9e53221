package io.tweetpipe.domain.tweet;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;

/** Twitter's numeric status id (the {@code id} field, not {@code id_str}). */
public record TweetId(long value) {

    public TweetId {
        if (value <= 0) {
            throw new IllegalArgumentException("a tweet id is positive, got " + value);
        }
    }

    public static Either<Rejection, TweetId> of(long value) {
        return value > 0
                ? Either.right(new TweetId(value))
                : Either.left(Rejection.of("id", "a tweet id is positive, got " + value));
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
