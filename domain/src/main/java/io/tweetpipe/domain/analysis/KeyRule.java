package io.tweetpipe.domain.analysis;

import io.tweetpipe.domain.tweet.TweetRecord;
import java.io.Serializable;

/** The keys an analysis counts in one tweet, each put to the sink as it is found, once each time it appears. */
@FunctionalInterface
public interface KeyRule extends Serializable {

    void keys(TweetRecord tweet, KeySink sink);

    /** A tally of this rule's keys over many tweets, for one task: by default each key is counted as it is found. */
    default KeyTally tally() {
        return new KeyTally(this, tweet -> WordSet.NONE, WordSet.NONE);
    }
}
