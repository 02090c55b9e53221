package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.adapters.spark.KafkaSource;
import io.tweetpipe.bootstrap.config.KafkaTransport;
import io.tweetpipe.bootstrap.config.PipelineConfig.Mode;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import picocli.CommandLine;

/** What carries the tweets from the relay to the stream: the relay's socket, or a Kafka topic (every mode). */
final class KafkaOptions {

    static final String HEADING = "%nTransport:%n";

    /** The relay's TCP socket, as the tutorial has it, or Kafka. */
    enum Transport { SOCKET, KAFKA }

    @CommandLine.Option(names = "--transport", paramLabel = "socket|kafka",
            defaultValue = "${env:TWEETPIPE_TRANSPORT:-socket}",
            description = "what carries tweets from the relay to the stream: the relay's socket, or a Kafka topic "
                    + "read by Spark's direct stream (default: ${DEFAULT-VALUE}; environment: TWEETPIPE_TRANSPORT)")
    Transport transport;
    @CommandLine.Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT",
            defaultValue = "${env:TWEETPIPE_KAFKA_BOOTSTRAP}",
            description = "with --transport kafka: the Kafka brokers, e.g. 127.0.0.1:9092; without it the demo "
                    + "starts a single-node broker of its own, its data in a temporary directory removed at exit "
                    + "(environment: TWEETPIPE_KAFKA_BOOTSTRAP)")
    String bootstrap;
    @CommandLine.Option(names = "--kafka-topic", paramLabel = "TOPIC", defaultValue = "tweets",
            description = "with --transport kafka: the topic (default: ${DEFAULT-VALUE})")
    String topic;
    @CommandLine.Option(names = "--kafka-group", paramLabel = "GROUP", defaultValue = "tweetpipe",
            description = "with --transport kafka: the stream's consumer group, whose offsets it commits once a "
                    + "batch's outputs are done (default: ${DEFAULT-VALUE})")
    String group;
    @CommandLine.Option(names = "--kafka-start", paramLabel = "earliest|latest|committed",
            defaultValue = "committed",
            description = "with --transport kafka: where a stream without a checkpoint begins: the topic's first "
                    + "record, new records only, or the group's committed offsets (default: ${DEFAULT-VALUE})")
    KafkaSource.Start start;

    Validation<Seq<Rejection>, Option<KafkaTransport>> kafka(Mode mode) {
        if (transport == Transport.SOCKET) {
            return Validation.valid(Option.none());
        }
        List<Rejection> problems = List.empty();
        if ((bootstrap == null && mode != Mode.DEMO) || (bootstrap != null && bootstrap.isBlank())) {
            problems = problems.append(Rejection.of("--kafka-bootstrap", "give the Kafka brokers, e.g. "
                    + "127.0.0.1:9092: only the demo starts a broker of its own"));
        }
        if (topic.isBlank()) {
            problems = problems.append(Rejection.of("--kafka-topic", "give a topic"));
        }
        if (group.isBlank()) {
            problems = problems.append(Rejection.of("--kafka-group", "give a consumer group"));
        }
        return problems.isEmpty()
                ? Validation.valid(Option.some(new KafkaTransport(Option.of(bootstrap).map(String::strip), topic,
                        group, start)))
                : Validation.invalid(problems);
    }
}
