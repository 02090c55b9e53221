package io.tweetpipe.bootstrap.di;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.adapters.twitter.replay.ReplayTweetSource;
import io.tweetpipe.application.port.in.RelayTweetsUseCase;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.vavr.control.Option;
import javax.inject.Singleton;

/** The relay process. */
@Singleton
@Component(modules = RelayModule.class)
public interface RelayComponent {

    RelayTweetsUseCase relayTweets();

    SocketRelay socketRelay();

    /** The replay, when the relay's source is one. */
    Option<ReplayTweetSource> replaySource();

    RelayOutlet relayOutlet();

    @Component.Factory
    interface Factory {
        RelayComponent create(@BindsInstance PipelineConfig config);
    }
}
