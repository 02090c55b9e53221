package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.tweet.TweetRecord;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.function.PairFlatMapFunction;
import scala.Tuple2;

/** A tweet's keys for the running totals: {@code #tag} for each hashtag, {@code @author} for its author. */
final class TotalsKeys implements PairFlatMapFunction<TweetRecord, String, Long> {

    static final String HASHTAG = "#";
    static final String AUTHOR = "@";

    @Override
    public Iterator<Tuple2<String, Long>> call(TweetRecord tweet) {
        List<Tuple2<String, Long>> keys = new ArrayList<>();
        for (String hashtag : tweet.entities().hashtags()) {
            keys.add(new Tuple2<>(HASHTAG + hashtag.toLowerCase(Locale.ROOT), 1L));
        }
        for (String author : tweet.author()) {
            keys.add(new Tuple2<>(AUTHOR + author.toLowerCase(Locale.ROOT), 1L));
        }
        return keys.iterator();
    }
}
