package io.tweetpipe.domain.batch;

import io.tweetpipe.domain.tweet.SampledTweet;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.io.Serializable;
import java.time.Instant;

/**
 * Counts a batch and keeps its first {@code limit} records in one pass, partition by partition, so a batch is
 * counted and sampled with one Spark job rather than a {@code count()} and a {@code take()}. Tallies of consecutive
 * partitions {@link #merge} in order.
 */
public record BatchTally(int limit, long count, Seq<SampledTweet> head) implements Serializable {

    /** For a sink that wants every record of every batch, such as a test's capture. */
    public static final int EVERYTHING = Integer.MAX_VALUE;

    public static BatchTally empty(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException("limit " + limit);
        }
        return new BatchTally(limit, 0, Vector.empty());
    }

    public BatchTally add(SampledTweet record) {
        return new BatchTally(limit, count + 1, head.size() < limit ? head.append(record) : head);
    }

    public BatchTally addAll(java.util.Iterator<SampledTweet> records) {
        long n = count;
        java.util.List<SampledTweet> kept = new java.util.ArrayList<>();
        int room = limit - head.size();
        while (records.hasNext()) {
            SampledTweet record = records.next();
            if (kept.size() < room) {
                kept.add(record);
            }
            n++;
        }
        return new BatchTally(limit, n, head.appendAll(kept));
    }

    public BatchTally merge(BatchTally later) {
        return new BatchTally(limit, count + later.count, head.appendAll(later.head).take(limit));
    }

    public Batch toBatch(Instant time) {
        return new Batch(time, count, head.map(SampledTweet::body), head.map(SampledTweet::lang));
    }
}
