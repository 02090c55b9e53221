package io.tweetpipe.domain.analysis;

import io.tweetpipe.domain.tweet.TweetRecord;
import java.io.Serializable;

/** The keys an analysis counts in one tweet, each put to the sink as it is found, once each time it appears. */
@FunctionalInterface
public interface KeyRule extends Serializable {

    void keys(TweetRecord tweet, KeySink sink);
}
