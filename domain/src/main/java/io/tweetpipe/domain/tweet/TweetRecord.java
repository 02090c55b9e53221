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
 * @param predictedLang the language a model trained offline gives the body, when the job applies one
 */
public record TweetRecord(Option<Long> id, Option<Instant> createdAt, Option<String> lang, Option<String> author,
                          String body, boolean extended, Entities entities, Option<String> predictedLang)
        implements Serializable {

    public TweetRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(lang, "lang");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(entities, "entities");
        Objects.requireNonNull(predictedLang, "predictedLang");
    }

    /** A record as the wire gives it, before any model has predicted its language. */
    public TweetRecord(Option<Long> id, Option<Instant> createdAt, Option<String> lang, Option<String> author,
                       String body, boolean extended, Entities entities) {
        this(id, createdAt, lang, author, body, extended, entities, Option.none());
    }

    /** This record with the language a model predicted for it. */
    public TweetRecord withPredictedLang(String language) {
        return new TweetRecord(id, createdAt, lang, author, body, extended, entities, Option.some(language));
    }
}
