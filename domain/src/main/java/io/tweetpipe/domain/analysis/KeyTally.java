package io.tweetpipe.domain.analysis;

import io.tweetpipe.domain.tweet.TweetRecord;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * One rule's keys counted over many tweets, as a task counts its partition. Which keys a tweet leaves out depends on
 * its language (the stop words), so each tweet's keys are counted before any is left out, apart by the set that
 * leaves them out, and each distinct key is looked up in its set once, at the end. Why: looked up at every word, the
 * stop words were a quarter of a partition's digest (profiled at 250,000 tweets/s); a partition holds a few thousand
 * distinct words. Not thread-safe: one per task.
 */
public final class KeyTally {

    private final KeyRule found;
    private final Function<TweetRecord, WordSet> leftOut;
    private final WordSet excluded;
    /** Each set that left keys out, the same set for every tweet of a language, with the keys counted apart. */
    private final Map<WordSet, KeyCounts> countsByLeftOut = new IdentityHashMap<>();

    /**
     * @param found    every key a tweet holds
     * @param leftOut  the keys a tweet leaves out: the same set, not an equal one, for every tweet of a language
     * @param excluded the keys every tweet leaves out
     */
    KeyTally(KeyRule found, Function<TweetRecord, WordSet> leftOut, WordSet excluded) {
        this.found = Objects.requireNonNull(found, "found");
        this.leftOut = Objects.requireNonNull(leftOut, "leftOut");
        this.excluded = Objects.requireNonNull(excluded, "excluded");
    }

    public void add(TweetRecord tweet) {
        found.keys(tweet, countsByLeftOut.computeIfAbsent(leftOut.apply(tweet), set -> new KeyCounts()));
    }

    /** Each key counted, less those left out, with its count: what the rule's keys tweet by tweet add up to. */
    public KeyCounts counts() {
        KeyCounts kept = new KeyCounts();
        countsByLeftOut.forEach((out, counts) -> counts.forEach((key, times) -> {
            if (!out.contains(key) && !excluded.contains(key)) {
                kept.add(key, 0, key.length(), times);
            }
        }));
        return kept;
    }
}
