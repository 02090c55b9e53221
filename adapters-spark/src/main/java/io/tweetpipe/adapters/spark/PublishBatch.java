package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.tweet.SampledTweet;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;

/**
 * The output operation: each batch's RDD tallied by one job ({@link TallyPartition}, partition tallies merged in
 * partition order, so the head is the batch's first records) and handed to the run's {@link OrderedSink}.
 *
 * <p>It runs on the driver, but Spark serializes it with the DStream graph when checkpointing is on, so it holds
 * the sink's key rather than the sink: an adapter or a port never enters a Spark closure.
 */
final class PublishBatch implements VoidFunction2<JavaRDD<SampledTweet>, Time> {

    private final int limit;
    private final String sinkKey;

    PublishBatch(int limit, String sinkKey) {
        this.limit = limit;
        this.sinkKey = Objects.requireNonNull(sinkKey, "sinkKey");
    }

    @Override
    public void call(JavaRDD<SampledTweet> records, Time time) {
        Batch batch = tally(records).toBatch(Instant.ofEpochMilli(time.milliseconds()));
        OrderedSink.registered(sinkKey).forEach(sink -> sink.result(batch));
    }

    private BatchTally tally(JavaRDD<SampledTweet> records) {
        BatchTally tally = BatchTally.empty(limit);
        if (records.getNumPartitions() == 0) {
            return tally;  // no block arrived: no job to run
        }
        List<BatchTally> partitions = records.mapPartitions(new TallyPartition(limit)).collect();
        for (BatchTally partition : partitions) {
            tally = tally.merge(partition);
        }
        return tally;
    }
}
