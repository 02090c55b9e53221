package io.tweetpipe.application.port.in;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.control.Either;

/** The seed's first program: tweets from a source, framed, to the relay's readers. */
public interface RelayTweetsUseCase {

    /**
     * Relays until the source is exhausted (right, with the final counts) or fails for good (left), or the calling
     * thread is interrupted.
     */
    Either<Rejection, RelayReport> relay(TrackFilter filter) throws InterruptedException;

    /** The counts so far; safe to call from another thread while {@link #relay} runs. */
    RelayReport progress();
}
