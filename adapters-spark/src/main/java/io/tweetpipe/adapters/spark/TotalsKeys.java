package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.tweet.TweetRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.FlatMapFunction;

/** A tweet's keys for the running totals: {@code #tag} for each hashtag, {@code @author} for its author. */
final class TotalsKeys implements FlatMapFunction<TweetRecord, String> {

    static final String HASHTAG = "#";
    static final String AUTHOR = "@";

    @Override
    public Iterator<String> call(TweetRecord tweet) {
        List<String> keys = new ArrayList<>();
        for (String hashtag : tweet.entities().hashtags()) {
            keys.add(HASHTAG + hashtag.toLowerCase(Locale.ROOT));
        }
        for (String author : tweet.author()) {
            keys.add(AUTHOR + author.toLowerCase(Locale.ROOT));
        }
        return keys.iterator();
    }
}
