package io.tweetpipe.domain.analysis;

import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Seq;
import java.util.Locale;

/** What a ranking counts in each tweet, lower-cased as Twitter's trends compare them. */
public enum Subject {
    HASHTAGS {
        @Override
        Seq<String> keys(TweetRecord tweet) {
            return tweet.entities().hashtags().map(Subject::lower);
        }
    },
    MENTIONS {
        @Override
        Seq<String> keys(TweetRecord tweet) {
            return tweet.entities().mentions().map(Subject::lower);
        }
    },
    /** The body's words, less the stop words of the tweet's language (of every bundled language when unknown). */
    WORDS {
        @Override
        Seq<String> keys(TweetRecord tweet) {
            return Words.withoutStopWords(tweet.body(), tweet.lang());
        }
    };

    abstract Seq<String> keys(TweetRecord tweet);

    private static String lower(String key) {
        return key.toLowerCase(Locale.ROOT);
    }
}
