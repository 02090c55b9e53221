package io.tweetpipe.adapters.kafka;

import io.tweetpipe.application.port.out.FramePublisher;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.tweet.TweetId;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's publisher onto a Kafka topic: each frame one record, its value the frame's bytes, its key the tweet's id
 * (decimal), so that a tweet always lands in the same partition. The producer is idempotent with {@code acks=all}:
 * its retries never duplicate a record in the log.
 *
 * <p>A publish never waits longer than {@link KafkaRelaySettings#maxBlock()}: while the broker cannot take records
 * they wait in the producer's bounded buffer, and a frame that finds it full (or finds no metadata for the topic in
 * time) is {@code DROPPED} and counted, with one warning line each time dropping begins. {@code SENT} means the
 * producer took the frame; one it then fails to deliver ({@code delivery.timeout.ms}) is counted as lost.
 * Thread-safe, as the producer is.
 */
public final class KafkaFramePublisher implements FramePublisher, AutoCloseable {

    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    /** How long opening waits for the topic's metadata, so that the first frames are not dropped for want of it. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(10);

    private final KafkaRelaySettings settings;
    private final Producer<String, byte[]> producer;
    private final Logger log;
    private final LongAdder accepted = new LongAdder();
    private final LongAdder acknowledged = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder lost = new LongAdder();
    private final AtomicBoolean dropping = new AtomicBoolean();

    private KafkaFramePublisher(KafkaRelaySettings settings, Producer<String, byte[]> producer, Logger log) {
        this.settings = settings;
        this.producer = producer;
        this.log = log;
    }

    /** A publisher to the settings' brokers; the producer connects lazily, so an unreachable broker is no error. */
    public static KafkaFramePublisher open(KafkaRelaySettings settings) {
        return open(settings, System.getLogger(KafkaFramePublisher.class.getName()), STARTUP_WAIT);
    }

    static KafkaFramePublisher open(KafkaRelaySettings settings, Logger log, Duration startupWait) {
        Objects.requireNonNull(settings, "settings");
        Map<String, Object> conf = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.bootstrapServers(),
                ProducerConfig.CLIENT_ID_CONFIG, "tweetpipe-relay",
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.BUFFER_MEMORY_CONFIG, settings.bufferBytes(),
                ProducerConfig.MAX_BLOCK_MS_CONFIG, settings.maxBlock().toMillis(),
                ProducerConfig.LINGER_MS_CONFIG, 5);
        Producer<String, byte[]> producer = new KafkaProducer<>(conf, new StringSerializer(),
                new ByteArraySerializer());
        // Where frames go is the launcher's line, as for the socket; only a broker that does not answer is ours.
        if (!awaitMetadata(producer, settings.topic(), startupWait)) {
            log.log(Level.WARNING, "Kafka at " + settings.bootstrapServers() + " did not answer for the topic "
                    + settings.topic() + " within " + startupWait.toSeconds() + " s: publishing anyway");
        }
        return new KafkaFramePublisher(settings, producer, log);
    }

    /** Each publish waits only max.block.ms for metadata; opening waits longer, once. */
    private static boolean awaitMetadata(Producer<String, byte[]> producer, String topic, Duration wait) {
        long deadline = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                producer.partitionsFor(topic);
                return true;
            } catch (KafkaException e) {
                Thread.onSpinWait();  // partitionsFor waited max.block.ms already
            }
        }
        return false;
    }

    /** Without an id the record has no key: the producer spreads such records over the partitions. */
    @Override
    public Delivery publish(Frame frame) {
        return send(null, frame);
    }

    @Override
    public Delivery publish(Frame frame, TweetId id) {
        return send(Objects.requireNonNull(id, "id").toString(), frame);
    }

    private Delivery send(String key, Frame frame) {
        Objects.requireNonNull(frame, "frame");
        // The producer reports a record it cannot take (buffer full, no metadata in max.block.ms) to the callback,
        // at once, on this thread, before send returns; a failure reported after send returned is a lost record.
        AtomicBoolean returned = new AtomicBoolean();
        AtomicReference<Exception> refused = new AtomicReference<>();
        try {
            producer.send(new ProducerRecord<>(settings.topic(), key, frame.bytes()), (metadata, failure) -> {
                if (failure == null) {
                    acknowledged.increment();
                    dropping.set(false);
                } else if (!returned.get()) {
                    refused.set(failure);
                } else {
                    lost.increment();
                }
            });
        } catch (KafkaException e) {
            refused.set(e);
        }
        returned.set(true);
        if (refused.get() == null) {
            accepted.increment();
            return Delivery.SENT;
        }
        dropped.increment();
        if (dropping.compareAndSet(false, true)) {
            log.log(Level.WARNING, "Kafka at " + settings.bootstrapServers() + " cannot take frames ("
                    + refused.get().getMessage() + "): with its buffer of " + settings.bufferBytes()
                    + " bytes full or the topic unknown, new frames are dropped and counted");
        }
        return Delivery.DROPPED;
    }

    /** What became of the frames published so far. */
    public KafkaRelayStats stats() {
        return new KafkaRelayStats(accepted.sum(), acknowledged.sum(), dropped.sum(), lost.sum());
    }

    /** Delivers what the buffer holds, waiting a bounded time, then says what was dropped or lost, if anything. */
    @Override
    public void close() {
        producer.close(CLOSE_TIMEOUT);
        KafkaRelayStats stats = stats();
        if (stats.dropped() > 0 || stats.lost() > 0) {
            log.log(Level.WARNING, "Kafka relay: " + stats.dropped() + " frames dropped (buffer full), "
                    + stats.lost() + " lost after being taken, of " + (stats.accepted() + stats.dropped()));
        }
    }

    /**
     * @param accepted frames the producer took
     * @param acknowledged of those, frames the broker acknowledged (written to every in-sync replica)
     * @param dropped frames refused because the buffer was full or the topic unknown in time
     * @param lost frames taken but not delivered in time ({@code delivery.timeout.ms}), or refused by the broker
     */
    public record KafkaRelayStats(long accepted, long acknowledged, long dropped, long lost) {
    }
}
