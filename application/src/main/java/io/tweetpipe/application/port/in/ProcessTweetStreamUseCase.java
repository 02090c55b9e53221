package io.tweetpipe.application.port.in;

import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;

/** The seed's second program: the relay's records, preprocessed batch by batch, to a sink. */
public interface ProcessTweetStreamUseCase {

    /** Starts the stream: nothing is read before this. Left when it cannot start (what to fix). */
    Either<Rejection, RunningStream> start();
}
