package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.tweet.TweetRecord;
import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapFunction;

/** The keys a trending analysis counts in one tweet, by the domain's rule. */
final class TrendKeys implements FlatMapFunction<TweetRecord, String> {

    private final Analysis.Trending trending;

    TrendKeys(Analysis.Trending trending) {
        this.trending = Objects.requireNonNull(trending, "trending");
    }

    @Override
    public Iterator<String> call(TweetRecord tweet) {
        return trending.keys(tweet).iterator();
    }
}
