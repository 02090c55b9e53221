package io.tweetpipe.bootstrap.config;

import io.tweetpipe.adapters.spark.KafkaSource;
import io.vavr.control.Option;

/**
 * Kafka between the relay and the stream, instead of the relay's socket.
 *
 * @param bootstrapServers the brokers; none in the demo for a single-node broker of its own, in this process, with
 *     its data in a temporary directory removed at exit
 * @param topic the topic the relay publishes to and the stream reads
 * @param group the stream's consumer group, whose offsets it commits after each batch's outputs
 * @param start where a stream without a checkpoint begins reading
 */
public record KafkaTransport(Option<String> bootstrapServers, String topic, String group, KafkaSource.Start start) {

    /** The topic's partitions on the embedded broker: the direct stream reads them in parallel. */
    public static final int EMBEDDED_PARTITIONS = 2;
}
