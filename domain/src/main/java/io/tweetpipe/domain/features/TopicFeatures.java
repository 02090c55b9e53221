package io.tweetpipe.domain.features;

import io.tweetpipe.domain.analysis.Words;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Seq;

/**
 * The terms a topic is told by: the tweet's words less the stop words of its language (of every bundled language when
 * the language is unknown), as the trending words count them. Hashtags, mentions and links are not words.
 */
public final class TopicFeatures {

    private TopicFeatures() {
    }

    /** The terms hashed, log-scaled and of length 1 (or empty): what k-means reads. */
    public static FeatureVector vector(TermHashing hashing, TweetRecord tweet) {
        return hashing.vector(terms(tweet), TermHashing.Weighting.LOG_SCALED_UNIT);
    }

    public static Seq<String> terms(TweetRecord tweet) {
        return Words.withoutStopWords(tweet.body(), tweet.lang());
    }
}
