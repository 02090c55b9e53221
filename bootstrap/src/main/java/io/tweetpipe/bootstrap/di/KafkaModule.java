package io.tweetpipe.bootstrap.di;

import dagger.Module;
import dagger.Provides;
import io.tweetpipe.bootstrap.broker.EmbeddedKafka;
import io.tweetpipe.bootstrap.config.KafkaTransport;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.domain.Rejection;
import io.vavr.control.Option;
import io.vavr.control.Try;
import javax.inject.Singleton;

/**
 * The Kafka broker of a run with {@code --transport kafka} and no {@code --kafka-bootstrap}: one of its own, in this
 * process, shared by the relay and the stream, and closed by the launcher once the stream has stopped.
 */
@Module
public abstract class KafkaModule {

    private static final System.Logger LOG = System.getLogger("tweetpipe.kafka");

    private KafkaModule() {
    }

    @Provides
    @Singleton
    static Option<EmbeddedKafka> embeddedKafka(PipelineConfig config) {
        return config.kafka().filter(kafka -> kafka.bootstrapServers().isEmpty()).map(kafka -> {
            EmbeddedKafka broker = Try.of(() -> EmbeddedKafka.start(kafka.topic(),
                    KafkaTransport.EMBEDDED_PARTITIONS)).getOrElseThrow(e -> new StartupFailure(
                    Rejection.of("kafka", String.valueOf(e.getMessage()))));
            LOG.log(System.Logger.Level.INFO, "embedded Kafka broker on {0}, topic {1} with {2} partitions; its "
                    + "data goes at exit", broker.bootstrapServers(), kafka.topic(),
                    KafkaTransport.EMBEDDED_PARTITIONS);
            return broker;
        });
    }

    /** The brokers asked for, else the embedded one's address. */
    static String bootstrapServers(KafkaTransport kafka, Option<EmbeddedKafka> embedded) {
        return kafka.bootstrapServers().getOrElse(() -> embedded.map(EmbeddedKafka::bootstrapServers)
                .getOrElseThrow(() -> new IllegalStateException("no Kafka brokers given and none embedded")));
    }
}
