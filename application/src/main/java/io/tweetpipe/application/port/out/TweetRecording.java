package io.tweetpipe.application.port.out;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.control.Either;
import java.util.function.Consumer;

/** A recorded stream, read once and whole, as fast as it reads: the tweets a model learns from. */
@FunctionalInterface
public interface TweetRecording {

    /**
     * Hands on every status of the recording in order, whatever its text or language (no filter: a recording is
     * already what was asked for when it was recorded); notices and what cannot be read are skipped. Right: how many
     * tweets were handed on; left: the recording cannot be read.
     */
    Either<Rejection, Long> read(Consumer<Tweet> tweets) throws InterruptedException;
}
