package io.tweetpipe.adapters.kafka;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the relay publishes and how much it holds while the broker cannot take frames.
 *
 * @param bootstrapServers the brokers to start from, {@code host:port[,host:port...]}
 * @param topic the topic the frames go to
 * @param bufferBytes the producer's buffer ({@code buffer.memory}): what waits for an unreachable broker; beyond it
 *     new frames are dropped and counted
 * @param maxBlock the longest a publish may wait for room or for the topic's metadata ({@code max.block.ms}): the
 *     source is held up at most this long per frame
 */
public record KafkaRelaySettings(String bootstrapServers, String topic, long bufferBytes, Duration maxBlock) {

    public static final long DEFAULT_BUFFER_BYTES = 32L * 1024 * 1024;
    public static final Duration DEFAULT_MAX_BLOCK = Duration.ofMillis(10);

    public KafkaRelaySettings {
        Objects.requireNonNull(bootstrapServers, "bootstrapServers");
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(maxBlock, "maxBlock");
        if (bootstrapServers.isBlank() || topic.isBlank()) {
            throw new IllegalArgumentException("a Kafka relay needs brokers and a topic");
        }
        if (bufferBytes < 1024 || maxBlock.isNegative()) {
            throw new IllegalArgumentException("the buffer is at least 1 KiB and the wait not negative");
        }
    }

    public static KafkaRelaySettings of(String bootstrapServers, String topic) {
        return new KafkaRelaySettings(bootstrapServers, topic, DEFAULT_BUFFER_BYTES, DEFAULT_MAX_BLOCK);
    }
}
