package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.tweet.TweetRecord;
import java.time.Instant;
import java.util.Objects;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;

/**
 * Every record of a batch to a store, from the executors that hold them ({@code foreachPartition}: nothing is collected
 * to the driver), then the store's commit on the driver once every partition is stored.
 */
final class StoreRecords implements VoidFunction2<JavaRDD<TweetRecord>, Time> {

    private final RecordStore store;

    StoreRecords(RecordStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public void call(JavaRDD<TweetRecord> records, Time time) {
        Instant batch = Instant.ofEpochMilli(time.milliseconds());
        RecordStore shipped = store;  // the store alone crosses to the executors, not this function
        records.foreachPartition(partition -> shipped.store(batch, TaskContext.getPartitionId(), partition));
        store.commit(batch);
    }
}
