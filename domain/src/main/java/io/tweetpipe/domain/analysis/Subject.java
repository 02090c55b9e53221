package io.tweetpipe.domain.analysis;

import io.tweetpipe.domain.tweet.TweetRecord;
import java.util.Locale;

/** What a ranking counts in each tweet, lower-cased as Twitter's trends compare them. */
public enum Subject {
    HASHTAGS {
        @Override
        void keys(TweetRecord tweet, KeySink sink) {
            lowerCased(tweet.entities().hashtags(), sink);
        }
    },
    MENTIONS {
        @Override
        void keys(TweetRecord tweet, KeySink sink) {
            lowerCased(tweet.entities().mentions(), sink);
        }
    },
    /** The body's words, less the stop words of the tweet's language (of every bundled language when unknown). */
    WORDS {
        @Override
        void keys(TweetRecord tweet, KeySink sink) {
            Words.withoutStopWords(tweet.body(), tweet.lang(), sink);
        }
    };

    abstract void keys(TweetRecord tweet, KeySink sink);

    private static void lowerCased(Iterable<String> keys, KeySink sink) {
        for (String key : keys) {
            String lower = key.toLowerCase(Locale.ROOT);
            sink.key(lower, 0, lower.length());
        }
    }
}
