package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchTally;
import java.time.Instant;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;

/**
 * The output operation: a batch's partition tallies (each partition counted with its first records in the same pass,
 * by {@link TallyPartition} or with the batch's digest), merged in partition order, so the head is the batch's first
 * records, and handed to the run's {@link OrderedSink}. One job, where {@code print()} runs a {@code take} and a
 * {@code count}.
 *
 * <p>It runs on the driver, but Spark serializes it with the DStream graph when checkpointing is on, so it holds
 * the sink's key rather than the sink: an adapter or a port never enters a Spark closure.
 */
final class PublishBatch implements VoidFunction2<JavaRDD<BatchTally>, Time> {

    private final int limit;
    private final String sinkKey;

    PublishBatch(int limit, String sinkKey) {
        this.limit = limit;
        this.sinkKey = Objects.requireNonNull(sinkKey, "sinkKey");
    }

    @Override
    public void call(JavaRDD<BatchTally> partitions, Time time) {
        BatchTally tally = BatchTally.empty(limit);
        if (partitions.getNumPartitions() > 0) {  // else no block arrived: no job to run
            for (BatchTally partition : partitions.collect()) {
                tally = tally.merge(partition);
            }
        }
        Batch batch = tally.toBatch(Instant.ofEpochMilli(time.milliseconds()));
        OrderedSink.registered(sinkKey).forEach(sink -> sink.result(batch));
    }
}
