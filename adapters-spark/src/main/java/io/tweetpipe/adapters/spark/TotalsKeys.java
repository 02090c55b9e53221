package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.KeyRule;
import io.tweetpipe.domain.analysis.KeySink;
import io.tweetpipe.domain.tweet.TweetRecord;
import java.util.Locale;

/** A tweet's keys for the running totals: {@code #tag} for each hashtag, {@code @author} for its author. */
final class TotalsKeys implements KeyRule {

    static final String HASHTAG = "#";
    static final String AUTHOR = "@";

    @Override
    public void keys(TweetRecord tweet, KeySink sink) {
        for (String hashtag : tweet.entities().hashtags()) {
            whole(HASHTAG + hashtag.toLowerCase(Locale.ROOT), sink);
        }
        for (String author : tweet.author()) {
            whole(AUTHOR + author.toLowerCase(Locale.ROOT), sink);
        }
    }

    private static void whole(String key, KeySink sink) {
        sink.key(key, 0, key.length());
    }
}
