package io.tweetpipe.bootstrap.endtoend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.kafka.KafkaFramePublisher;
import io.tweetpipe.adapters.kafka.KafkaRelaySettings;
import io.tweetpipe.adapters.spark.KafkaSource;
import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.adapters.spark.SparkStreamEngine;
import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.FramePublisher.Delivery;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.bootstrap.broker.EmbeddedKafka;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The relay's Kafka publisher and the stream's direct stream on a real KRaft broker in this process, with its data in
 * a temporary directory: every tweet published arrives once, and the group's offsets reach the end of the topic
 * once the batches' outputs are done.
 */
class KafkaEndToEndTest {

    private static final String TOPIC = "tweets";
    private static final int TWEETS = 400;
    private static EmbeddedKafka kafka;

    @BeforeAll
    static void startBroker() {
        kafka = EmbeddedKafka.start(TOPIC, 2);
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void givenTweetsPublished_directStream_readsEachOnceThenCommitsTheirOffsets() throws Exception {
        Seq<String> bodies = publish(TOPIC, "tweet", TWEETS);

        CapturingBatchSink sink = new CapturingBatchSink();
        RunningStream stream = read(TOPIC, "e2e", KafkaSource.Start.EARLIEST, sink);
        try {
            Seq<String> received = sink.awaitRecords(TWEETS, Duration.ofSeconds(60));
            assertEquals(bodies.sorted(), received.sorted(), "each tweet once, nothing else");
            assertEquals(TWEETS, committed("e2e", TWEETS, Duration.ofSeconds(20)));
        } finally {
            stream.stop();
        }
        assertEquals(TWEETS, sink.records().size(), "no tweet read twice by the batches after");
    }

    @Test
    void givenAGroupThatCommitted_restartedStream_readsOnlyWhatCameAfter() throws Exception {
        String topic = "resumed";
        kafka.createTopic(topic, 2);
        Seq<String> first = publish(topic, "before the restart", 100);
        CapturingBatchSink before = new CapturingBatchSink();
        RunningStream stream = read(topic, "resuming", KafkaSource.Start.COMMITTED, before);
        try {
            assertEquals(first.sorted(), before.awaitRecords(100, Duration.ofSeconds(60)).sorted());
            assertEquals(100, committed("resuming", 100, Duration.ofSeconds(20)));
        } finally {
            stream.stop();
        }

        Seq<String> second = publish(topic, "after the restart", 100);
        CapturingBatchSink after = new CapturingBatchSink();
        stream = read(topic, "resuming", KafkaSource.Start.COMMITTED, after);
        try {
            assertEquals(second.sorted(), after.awaitRecords(100, Duration.ofSeconds(60)).sorted(),
                    "what came after the commit, each once, and nothing read before");
            assertEquals(200, committed("resuming", 200, Duration.ofSeconds(20)));
        } finally {
            stream.stop();
        }
        assertEquals(100, after.records().size());
    }

    /**
     * The sink holds each batch for a second, several batch intervals, during which the stream polls again: an offset
     * committed before the batch's outputs would reach Kafka meanwhile. After the hold, the group has committed no
     * more than the batches before this one.
     */
    @Test
    void eachBatch_reachesTheSinkBeforeItsOffsetsAreCommitted() throws Exception {
        String topic = "ordered";
        kafka.createTopic(topic, 2);
        publish(topic, "held", 200);
        java.util.List<String> early = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.concurrent.atomic.AtomicLong delivered = new java.util.concurrent.atomic.AtomicLong();
        CapturingBatchSink sink = new CapturingBatchSink();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            BatchSink holding = output -> {
                if (output instanceof Batch batch && batch.count() > 0) {
                    try {
                        Thread.sleep(1_000);
                        long committed = committedNow(admin, "ordered");
                        if (committed > delivered.get()) {
                            early.add("batch of " + batch.count() + " after " + delivered.get() + " delivered: "
                                    + committed + " committed");
                        }
                    } catch (Exception e) {
                        early.add(e.toString());
                    }
                    delivered.addAndGet(batch.count());
                }
                sink.accept(output);
            };
            RunningStream stream = read(topic, "ordered", KafkaSource.Start.EARLIEST, holding);
            try {
                assertEquals(200, sink.awaitRecords(200, Duration.ofSeconds(60)).size());
                assertEquals(200, committed("ordered", 200, Duration.ofSeconds(20)));
            } finally {
                stream.stop();
            }
        }
        assertEquals(List.empty(), List.ofAll(early), "offsets committed before the batch's outputs were done");
    }

    /**
     * The launcher says where the relay publishes, in one line with what it tracks; the publisher opening on a broker
     * that answers adds none of its own (it did, and the demo said it twice).
     */
    @Test
    void givenABrokerThatAnswers_openingThePublisher_addsNoLineToTheLaunchers() throws Exception {
        kafka.createTopic("quiet", 1);
        java.util.List<String> lines = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        java.util.logging.Handler capture = new java.util.logging.Handler() {
            @Override
            public void publish(java.util.logging.LogRecord record) {
                lines.add(record.getLevel() + " " + record.getMessage());
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger(KafkaFramePublisher.class.getName());
        logger.addHandler(capture);
        try {
            publish("quiet", "opened", 1);
        } finally {
            logger.removeHandler(capture);
        }
        assertEquals(List.empty(), List.ofAll(lines));
    }

    private static long committedNow(Admin admin, String group) throws Exception {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                .filter(java.util.Objects::nonNull).mapToLong(OffsetAndMetadata::offset).sum();
    }

    /** Publishes that many tweets to the topic and returns their bodies once the broker has every one. */
    private static Seq<String> publish(String topic, String prefix, int count) {
        Seq<String> bodies = List.range(0, count).map(i -> prefix + " " + i + " over kafka");
        try (KafkaFramePublisher publisher = KafkaFramePublisher.open(KafkaRelaySettings.of(kafka.bootstrapServers(),
                topic))) {
            Seq<Delivery> outcomes = bodies.zipWithIndex()
                    .map(bodyAt -> publisher.publish(Frame.of(bodyAt._1).get(), new TweetId(bodyAt._2 + 1)));
            assertEquals(List.fill(count, Delivery.SENT), outcomes);
        }  // close delivers what the producer holds
        return bodies;
    }

    private static RunningStream read(String topic, String group, KafkaSource.Start start, BatchSink sink) {
        SparkSettings settings = SparkSettings.builder("local[2]", Duration.ofMillis(300))
                .relay("127.0.0.1", 1).ui(Option.none()).build();
        KafkaSource source = new KafkaSource(kafka.bootstrapServers(), topic, group, start);
        return new SparkStreamEngine(settings, source).start(StreamJob.sampling(BatchTally.EVERYTHING), sink)
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
    }

    /** The group's committed offsets summed over the partitions, once they reach {@code expected} or time is up. */
    private static long committed(String group, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                kafka.bootstrapServers()))) {
            long sum = 0;
            while (System.nanoTime() < deadline) {
                sum = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().values().stream()
                        .mapToLong(OffsetAndMetadata::offset).sum();
                if (sum >= expected) {
                    return sum;
                }
                Thread.sleep(100);
            }
            assertTrue(sum > 0, "no offsets committed");
            return sum;
        }
    }
}
