package io.tweetpipe.adapters.spark;

import java.util.Objects;

/**
 * A Kafka topic for the stream to read through the direct stream, instead of the relays' sockets: no receiver, one
 * Spark partition per Kafka partition.
 *
 * @param bootstrapServers the brokers to start from, {@code host:port[,host:port...]}
 * @param topic the topic the relay publishes to
 * @param group the consumer group whose offsets the stream commits once a batch's outputs are done
 * @param start where a stream with no checkpoint begins
 */
public record KafkaSource(String bootstrapServers, String topic, String group, Start start) {

    /** Where to begin reading. */
    public enum Start {
        /** Every record the topic still holds, whatever the group committed. */
        EARLIEST,
        /** Only records published from now on. */
        LATEST,
        /** Where the group's committed offsets say; from the earliest where it committed none. */
        COMMITTED
    }

    public KafkaSource {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(start, "start");
        if (bootstrapServers.isBlank() || topic.isBlank() || group.isBlank()) {
            throw new IllegalArgumentException("reading Kafka needs brokers, a topic and a consumer group");
        }
    }
}
