package io.tweetpipe.domain.tweet;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Objects;

/**
 * One status from Twitter's stream.
 *
 * @param text the {@code text} field: for an extended tweet, Twitter truncates it to 140 characters and adds a link
 * @param fullText {@code extended_tweet.full_text}, present only when the tweet is extended
 * @param entities what Twitter marked in the body: {@code extended_tweet.entities} when the tweet is extended, else
 *     {@code entities}
 */
public record Tweet(TweetId id, String text, Option<String> fullText, Language language, Instant createdAt,
                    Author author, Entities entities) {

    public Tweet {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(fullText, "fullText");
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(entities, "entities");
    }

    /** What the relay sends: the whole post, which is the full text when Twitter extended it, else the text. */
    public String body() {
        return fullText.getOrElse(text);
    }

    public boolean isExtended() {
        return fullText.isDefined();
    }
}
