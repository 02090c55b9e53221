package io.tweetpipe.domain.analysis;

import io.tweetpipe.domain.tweet.TweetRecord;
import java.util.Locale;

/** What a ranking counts in each tweet, lower-cased as Twitter's trends compare them. */
public enum Subject {
    HASHTAGS {
        @Override
        void found(TweetRecord tweet, KeySink sink) {
            lowerCased(tweet.entities().hashtags(), sink);
        }
    },
    MENTIONS {
        @Override
        void found(TweetRecord tweet, KeySink sink) {
            lowerCased(tweet.entities().mentions(), sink);
        }
    },
    /** The body's words, less the stop words of the tweet's language (of every bundled language when unknown). */
    WORDS {
        @Override
        void found(TweetRecord tweet, KeySink sink) {
            Words.of(tweet.body(), sink);
        }

        @Override
        WordSet leftOut(TweetRecord tweet) {
            return StopWords.of(tweet.lang());
        }
    };

    /** The keys a tweet counts: those it holds less those its language leaves out. */
    void keys(TweetRecord tweet, KeySink sink) {
        WordSet out = leftOut(tweet);
        found(tweet, out.isEmpty() ? sink : out.without(sink));
    }

    /** Every key a tweet holds, before those its language leaves out. */
    abstract void found(TweetRecord tweet, KeySink sink);

    /** The keys a tweet's language leaves out: one set for all the tweets of a language, none for entities. */
    WordSet leftOut(TweetRecord tweet) {
        return WordSet.NONE;
    }

    private static void lowerCased(Iterable<String> keys, KeySink sink) {
        for (String key : keys) {
            String lower = key.toLowerCase(Locale.ROOT);
            sink.key(lower, 0, lower.length());
        }
    }
}
