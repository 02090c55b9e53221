package io.tweetpipe.adapters.spark;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.VoidFunction;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaInputDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.apache.spark.streaming.dstream.InputDStream;
import org.apache.spark.streaming.kafka010.CanCommitOffsets;
import org.apache.spark.streaming.kafka010.ConsumerStrategies;
import org.apache.spark.streaming.kafka010.ConsumerStrategy;
import org.apache.spark.streaming.kafka010.HasOffsetRanges;
import org.apache.spark.streaming.kafka010.KafkaUtils;
import org.apache.spark.streaming.kafka010.LocationStrategies;
import org.apache.spark.streaming.kafka010.OffsetRange;

/**
 * The direct stream on a Kafka topic: each record's value is one frame's bytes, a whole chunk for the analyses. The
 * group's offsets are committed ({@code commitAsync}) by an output operation registered after every analysis's, so
 * it runs once the batch's outputs have completed: Spark runs a batch's output operations one after the other, in
 * the order they were registered ({@code spark.streaming.concurrentJobs} is 1).
 */
final class KafkaInput implements StreamInput {

    private static final Duration LOOKUP_TIMEOUT = Duration.ofSeconds(30);

    private final KafkaSource source;
    private JavaInputDStream<ConsumerRecord<String, byte[]>> records;

    KafkaInput(KafkaSource source) {
        this.source = source;
    }

    @Override
    public JavaDStream<byte[]> open(JavaStreamingContext context, SparkConf conf) {
        Map<String, Object> params = consumerParams(source);
        records = KafkaUtils.createDirectStream(context, LocationStrategies.PreferConsistent(), strategy(params));
        return records.map(new RecordValue());
    }

    @Override
    public void afterOutputs() {
        if (records != null) {
            records.foreachRDD(new CommitOffsets(records.inputDStream()));
        }
    }

    static Map<String, Object> consumerParams(KafkaSource source) {
        Map<String, Object> params = new HashMap<>();
        params.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, source.bootstrapServers());
        params.put(ConsumerConfig.GROUP_ID_CONFIG, source.group());
        params.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        params.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        params.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        params.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                source.start() == KafkaSource.Start.LATEST ? "latest" : "earliest");
        return params;
    }

    /**
     * The topic's partitions, assigned rather than subscribed: the stream joins no consumer group, so a job started
     * again after a kill reads at once, instead of waiting for the dead job's membership to time out
     * ({@code session.timeout.ms}, 45 s) before the group's rebalance lets it in; the group still keeps the
     * committed offsets. Committed: the group's offsets, the earliest where it has none. Earliest or latest: that end
     * of every partition, whatever the group committed. Partitions added to the topic later are read from a restart
     * on. A checkpoint's offsets, when the job resumes one, win over all of these.
     */
    private ConsumerStrategy<String, byte[]> strategy(Map<String, Object> params) {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        List<TopicPartition> all;
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(params)) {
            List<PartitionInfo> partitions = consumer.partitionsFor(source.topic(), LOOKUP_TIMEOUT);
            all = partitions.stream()
                    .map(partition -> new TopicPartition(partition.topic(), partition.partition()))
                    .toList();
            offsets.putAll(source.start() == KafkaSource.Start.LATEST ? consumer.endOffsets(all, LOOKUP_TIMEOUT)
                    : consumer.beginningOffsets(all, LOOKUP_TIMEOUT));
            if (source.start() == KafkaSource.Start.COMMITTED) {
                consumer.committed(Set.copyOf(all), LOOKUP_TIMEOUT).forEach((partition, committed) -> {
                    if (committed != null) {
                        offsets.put(partition, committed.offset());
                    }
                });
            }
        }
        return ConsumerStrategies.Assign(all, params, offsets);
    }

    /** A record's value: one frame's bytes. */
    static final class RecordValue implements Function<ConsumerRecord<String, byte[]>, byte[]> {
        @Override
        public byte[] call(ConsumerRecord<String, byte[]> record) {
            return record.value();
        }
    }

    /**
     * Commits the offsets of the batch's records, on the driver, through the direct stream (a DStream, serializable
     * with the checkpointed graph); the commit goes out with the stream's next poll.
     */
    record CommitOffsets(InputDStream<ConsumerRecord<String, byte[]>> stream)
            implements VoidFunction<JavaRDD<ConsumerRecord<String, byte[]>>> {

        @Override
        public void call(JavaRDD<ConsumerRecord<String, byte[]>> batch) {
            OffsetRange[] ranges = ((HasOffsetRanges) batch.rdd()).offsetRanges();
            ((CanCommitOffsets) stream).commitAsync(ranges);
        }
    }
}
