package io.tweetpipe.domain.tweet;

import io.tweetpipe.domain.Rejection;
import java.util.Objects;

/**
 * What a filtered stream can say. Twitter's stream interleaves statuses with notices; a source turns each line it
 * receives into one of these, so nothing it cannot parse ever has to be thrown.
 */
public sealed interface StreamMessage {

    /** A tweet that matched the filter. */
    record Status(Tweet tweet) implements StreamMessage {
        public Status {
            Objects.requireNonNull(tweet, "tweet");
        }
    }

    /** The author deleted a tweet: if it has not been relayed yet, it must not be. */
    record Deletion(TweetId id) implements StreamMessage {
        public Deletion {
            Objects.requireNonNull(id, "id");
        }
    }

    /**
     * A limit notice: the filter matched more than the stream may deliver, and {@code undelivered} matching tweets
     * have been withheld since the connection opened (Twitter's count is cumulative).
     */
    record Limit(long undelivered) implements StreamMessage {
    }

    /** Something the source received but could not read as a message. */
    record Malformed(Rejection rejection) implements StreamMessage {
        public Malformed {
            Objects.requireNonNull(rejection, "rejection");
        }
    }

    /**
     * A message worth a log line but carrying no tweet: a stall warning, a disconnect message, or a message type
     * tweetpipe does not know.
     */
    record Notice(Kind kind, String text) implements StreamMessage {
        public enum Kind { STALL_WARNING, DISCONNECT, UNKNOWN }

        public Notice {
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(text, "text");
        }
    }
}
