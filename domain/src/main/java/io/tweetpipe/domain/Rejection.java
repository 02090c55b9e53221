package io.tweetpipe.domain;

import java.io.Serializable;
import java.util.Objects;

/**
 * Why something was refused, as a value. Every refusal in tweetpipe is one of these, so a caller can count it,
 * log it or show it to a user without catching anything.
 *
 * @param subject what was refused, e.g. {@code "keyword"} or {@code "frame"}
 * @param reason a sentence a user can act on
 */
public record Rejection(String subject, String reason) implements Serializable {

    public Rejection {
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(reason, "reason");
    }

    public static Rejection of(String subject, String reason) {
        return new Rejection(subject, reason);
    }

    @Override
    public String toString() {
        return subject + ": " + reason;
    }
}
