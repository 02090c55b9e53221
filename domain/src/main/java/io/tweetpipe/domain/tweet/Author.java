package io.tweetpipe.domain.tweet;

import java.util.Objects;

/** Who posted a tweet: Twitter's {@code user.id} and {@code user.screen_name}. */
public record Author(long id, String screenName) {

    public Author {
        Objects.requireNonNull(screenName, "screenName");
    }
}
