package io.tweetpipe.domain.tweet;

import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.Serializable;
import java.util.Objects;

/**
 * What Twitter marks in a tweet's text: hashtags and mentions without their {@code #} or {@code @}, and URLs as
 * written (the expanded URL when Twitter gives one). Hashtags and mentions are kept as written; analyses compare them
 * lower-cased, as Twitter's trends do.
 *
 * <p>Each appears once per occurrence, in the order of the text, as Twitter lists them.
 */
public record Entities(Seq<String> hashtags, Seq<String> mentions, Seq<String> urls) implements Serializable {

    public static final Entities NONE = new Entities(List.empty(), List.empty(), List.empty());

    public Entities {
        Objects.requireNonNull(hashtags, "hashtags");
        Objects.requireNonNull(mentions, "mentions");
        Objects.requireNonNull(urls, "urls");
    }

    /**
     * What Twitter would mark in this text, found by its entity rules (see {@link TextEntities}): for a tweet that
     * arrives as text alone. The text as written: before lower-casing, after line breaks became spaces.
     */
    public static Entities extract(String text) {
        return TextEntities.extract(Objects.requireNonNull(text, "text"));
    }
}
