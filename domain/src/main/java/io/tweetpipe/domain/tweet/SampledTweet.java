package io.tweetpipe.domain.tweet;

import io.vavr.control.Option;
import java.io.Serializable;
import java.util.Objects;

/**
 * A record as a batch's sample shows it: its preprocessed body and, where the wire carries one (the structured wire),
 * its language. The text wire carries none. Serializable: samples are tallied on executors.
 */
public record SampledTweet(String body, Option<String> lang) implements Serializable {

    public SampledTweet {
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(lang, "lang");
    }

    /** A body from the text wire, which knows no language. */
    public static SampledTweet text(String body) {
        return new SampledTweet(body, Option.none());
    }

    public static SampledTweet of(TweetRecord record) {
        return new SampledTweet(record.body(), record.lang());
    }
}
