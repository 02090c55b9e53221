package io.tweetpipe.bootstrap.di;

import dagger.Lazy;
import dagger.Module;
import dagger.Provides;
import io.tweetpipe.adapters.kafka.KafkaFramePublisher;
import io.tweetpipe.adapters.kafka.KafkaRelaySettings;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.adapters.twitter.live.TwitterStreamSource;
import io.tweetpipe.adapters.twitter.live.XStreamSource;
import io.tweetpipe.adapters.twitter.replay.ReplayTweetSource;
import io.tweetpipe.application.port.in.RelayTweetsUseCase;
import io.tweetpipe.application.port.out.FramePublisher;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.application.service.RelayTweetsService;
import io.tweetpipe.bootstrap.broker.EmbeddedKafka;
import io.tweetpipe.bootstrap.config.KafkaTransport;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.vavr.control.Option;
import javax.inject.Singleton;

/** The seed's first program: a tweet source relayed to the TCP socket, or to a Kafka topic. */
@Module(includes = KafkaModule.class)
public abstract class RelayModule {

    private static final System.Logger LOG = System.getLogger("tweetpipe.relay");

    private RelayModule() {
    }

    @Provides
    @Singleton
    static SocketRelay socketRelay(PipelineConfig config) {
        return SocketRelay.open(config.relay()).getOrElseThrow(StartupFailure::new);
    }

    /** The socket, or a Kafka producer; the socket is opened only when it is the transport. */
    @Provides
    @Singleton
    static RelayOutlet relayOutlet(PipelineConfig config, Lazy<SocketRelay> socket, Option<EmbeddedKafka> embedded) {
        if (config.kafka().isEmpty()) {
            return RelayOutlet.of(socket.get(), config.relay().host());
        }
        KafkaTransport kafka = config.kafka().get();
        String brokers = KafkaModule.bootstrapServers(kafka, embedded);
        return RelayOutlet.of(KafkaFramePublisher.open(KafkaRelaySettings.of(brokers, kafka.topic())), kafka.topic(),
                brokers);
    }

    @Provides
    static FramePublisher framePublisher(RelayOutlet outlet) {
        return outlet.publisher();
    }

    /** The replay, when the source is one: its position shows a long replay's progress. */
    @Provides
    @Singleton
    static Option<ReplayTweetSource> replaySource(PipelineConfig config) {
        return config.source() == PipelineConfig.SourceKind.REPLAY
                ? Option.some(new ReplayTweetSource(config.replay()))
                : Option.none();
    }

    @Provides
    static TweetSource tweetSource(PipelineConfig config, Option<ReplayTweetSource> replay) {
        // PipelineConfig holds a live source's settings exactly when that source was asked for and is usable.
        return replay.<TweetSource>map(source -> source)
                .orElse(() -> config.twitter().map(TwitterStreamSource::new))
                .orElse(() -> config.x().map(XStreamSource::new))
                .getOrElseThrow(() -> new IllegalStateException("no settings for the " + config.source() + " source"));
    }

    @Provides
    @Singleton
    static RelayTweetsUseCase relayTweets(PipelineConfig config, TweetSource source, FramePublisher publisher) {
        return new RelayTweetsService(source, publisher, new RejectionLog(LOG), config.wire());
    }
}
