package io.tweetpipe.bootstrap.di;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.application.port.in.RelayTweetsUseCase;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import javax.inject.Singleton;

/** The relay process. */
@Singleton
@Component(modules = RelayModule.class)
public interface RelayComponent {

    RelayTweetsUseCase relayTweets();

    SocketRelay socketRelay();

    RelayOutlet relayOutlet();

    @Component.Factory
    interface Factory {
        RelayComponent create(@BindsInstance PipelineConfig config);
    }
}
