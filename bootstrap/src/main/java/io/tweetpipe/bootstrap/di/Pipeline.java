package io.tweetpipe.bootstrap.di;

import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.adapters.twitter.replay.ReplayTweetSource;
import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.application.port.in.RelayTweetsUseCase;
import io.tweetpipe.bootstrap.broker.EmbeddedKafka;
import io.vavr.control.Option;

/** What a process with both programs exposes; the demo's component and a test's component with another sink. */
public interface Pipeline {

    RelayTweetsUseCase relayTweets();

    SocketRelay socketRelay();

    /** The replay, when the relay's source is one. */
    Option<ReplayTweetSource> replaySource();
    RelayOutlet relayOutlet();

    ProcessTweetStreamUseCase processTweetStream();

    Option<EmbeddedKafka> embeddedKafka();
}
