package io.tweetpipe.domain.tweet;

import io.vavr.control.Option;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * One tweet as the stream processor sees it, after preprocessing. A structured frame gives every field; a text
 * frame (the tutorial's wire) gives only the body, and its entities are read from the text.
 *
 * @param body the preprocessed body: the full text when the tweet was extended
 * @param extended whether the body is Twitter's {@code extended_tweet.full_text}
 */
public record TweetRecord(Option<Long> id, Option<Instant> createdAt, Option<String> lang, Option<String> author,
                          String body, boolean extended, Entities entities) implements Serializable {

    public TweetRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(entities, "entities");
    }
}
