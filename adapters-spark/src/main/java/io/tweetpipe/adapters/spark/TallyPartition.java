package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.tweet.SampledTweet;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * Counts one partition and keeps its first records, in one pass: with {@link BatchTally#merge} on the driver, a
 * batch is counted and sampled by one Spark job instead of {@code print()}'s {@code take} plus a {@code count}.
 */
final class TallyPartition implements FlatMapFunction<Iterator<SampledTweet>, BatchTally> {

    private final int limit;

    TallyPartition(int limit) {
        BatchTally.empty(limit);  // refuses a negative limit here, on the driver, rather than in a task
        this.limit = limit;
    }

    @Override
    public Iterator<BatchTally> call(Iterator<SampledTweet> records) {
        return List.of(BatchTally.empty(limit).addAll(records)).iterator();
    }
}
