package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.tweet.TweetRecord;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapFunction;

/** A chunk of frames to records, by the domain's decoding; the nulls that pad a block hold nothing. */
final class DecodeRecords implements FlatMapFunction<byte[], TweetRecord> {

    private final StreamJob job;

    DecodeRecords(StreamJob job) {
        this.job = Objects.requireNonNull(job, "job");
    }

    @Override
    public Iterator<TweetRecord> call(byte[] chunk) {
        return chunk == null ? Collections.emptyIterator() : job.records(chunk).iterator();
    }
}
