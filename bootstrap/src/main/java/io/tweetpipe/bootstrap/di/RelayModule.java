package io.tweetpipe.bootstrap.di;

import dagger.Module;
import dagger.Provides;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.adapters.twitter.live.TwitterStreamSource;
import io.tweetpipe.adapters.twitter.replay.ReplayTweetSource;
import io.tweetpipe.application.port.in.RelayTweetsUseCase;
import io.tweetpipe.application.port.out.FramePublisher;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.application.service.RelayTweetsService;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import javax.inject.Singleton;

/** The seed's first program: a tweet source relayed to the TCP socket. */
@Module
public abstract class RelayModule {

    private static final System.Logger LOG = System.getLogger("tweetpipe.relay");

    private RelayModule() {
    }

    @Provides
    @Singleton
    static SocketRelay socketRelay(PipelineConfig config) {
        return SocketRelay.open(config.relay()).getOrElseThrow(StartupFailure::new);
    }

    @Provides
    static FramePublisher framePublisher(SocketRelay relay) {
        return relay;
    }

    @Provides
    static TweetSource tweetSource(PipelineConfig config) {
        // PipelineConfig holds the live settings exactly when the live source was asked for and is usable.
        return config.twitter().<TweetSource>map(TwitterStreamSource::new)
                .getOrElse(() -> new ReplayTweetSource(config.replay()));
    }

    @Provides
    @Singleton
    static RelayTweetsUseCase relayTweets(PipelineConfig config, TweetSource source, FramePublisher publisher) {
        return new RelayTweetsService(source, publisher,
                rejection -> LOG.log(System.Logger.Level.WARNING, "not relayed: {0}", rejection), config.wire());
    }
}
