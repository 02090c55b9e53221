package io.tweetpipe.application.contract;

import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.control.Option;
import java.time.Instant;

/**
 * Tweets for tests, made up: no real person's post. Their entities are what Twitter's rules find in the body
 * ({@link Entities#extract}), as Twitter would have given them.
 */
public final class Tweets {

    private Tweets() {
    }

    public static Tweet tweet(long id, String text, String language) {
        return new Tweet(new TweetId(id), text, Option.none(), new Language(language),
                Instant.parse("2026-11-24T10:00:00Z").plusSeconds(id), new Author(1000 + id, "user" + id),
                Entities.extract(text));
    }

    /** An extended tweet: truncated text with a link, and the whole post in full text. */
    public static Tweet extended(long id, String fullText, String language) {
        String truncated = fullText.substring(0, Math.min(fullText.length(), 116)) + "… https://t.co/x" + id;
        return new Tweet(new TweetId(id), truncated, Option.some(fullText), new Language(language),
                Instant.parse("2026-11-24T10:00:00Z").plusSeconds(id), new Author(1000 + id, "user" + id),
                Entities.extract(fullText));
    }
}
