package io.tweetpipe.domain.tweet;

import java.util.Objects;

/**
 * Who posted a tweet: Twitter's {@code user.id} and {@code user.screen_name} (v2: {@code author_id} and the expanded
 * user's {@code username}).
 */
public record Author(long id, String screenName) {

    /**
     * A status that came without its user (a recording stripped of it, a v2 stream without the author expansion) is
     * still a tweet: its author is unknown, not a reason to refuse it.
     */
    public static final Author UNKNOWN = new Author(0, "");

    public Author {
        Objects.requireNonNull(screenName, "screenName");
    }

    /** Is there a screen name to show? */
    public boolean isKnown() {
        return !screenName.isEmpty();
    }
}
