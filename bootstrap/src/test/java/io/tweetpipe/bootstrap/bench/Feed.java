package io.tweetpipe.bootstrap.bench;

import io.tweetpipe.domain.framing.Wire;
import java.util.Locale;

/**
 * What carries the load to a job, and in which wire: the relay's sockets, one per receiver, or a Kafka topic of that
 * many partitions on a broker in the relay's process, read by Spark's direct stream.
 */
record Feed(int kafkaPartitions, Wire wire) {

    static final Feed TEXT = new Feed(0, Wire.TEXT);
    static final Feed STRUCTURED = new Feed(0, Wire.STRUCTURED);

    static Feed kafka(int partitions) {
        return new Feed(partitions, Wire.TEXT);
    }

    boolean kafka() {
        return kafkaPartitions > 0;
    }

    /** For {@link LoadRelay}'s command line: {@code socket:N:text} (N sockets) or {@code kafka:N:text}. */
    String spec(int sockets) {
        return (kafka() ? "kafka:" + kafkaPartitions : "socket:" + sockets) + ":"
                + wire.name().toLowerCase(Locale.ROOT);
    }
}
