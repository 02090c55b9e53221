package io.tweetpipe.domain.framing;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One tweet on the wire: on the text wire its body as {@link WireFormat} writes it, escaped body, marker, newline; on
 * the structured wire its record as {@link StructuredFormat} writes it, then the marker and newline.
 *
 * @param text the frame's characters; {@link #bytes()} is what goes on the socket
 */
public record Frame(String text) {

    public Frame {
        Objects.requireNonNull(text, "text");
        if (!text.endsWith(WireFormat.MARKER + "\n")) {
            throw new IllegalArgumentException("a frame ends with the marker and a newline");
        }
    }

    /**
     * Frames a tweet's body for the text wire; a body with nothing to read (empty or only white space) is refused.
     * The body is stripped of white space at both ends, newlines and U+001E among it, so a text frame never starts
     * with the structured wire's record separator, nor with a newline and then the separator
     * ({@link StructuredFormat#isStructured}).
     */
    public static Either<Rejection, Frame> of(String body) {
        String text = WireFormat.normaliseText(body).strip();
        if (text.isEmpty()) {
            return noText();
        }
        return Either.right(new Frame(WireFormat.escape(text) + WireFormat.MARKER + "\n"));
    }

    /** Frames a tweet for the wire given: its body alone, or the structured record. The same tweets are refused. */
    public static Either<Rejection, Frame> of(Tweet tweet, Wire wire) {
        Objects.requireNonNull(tweet, "tweet");
        return switch (Objects.requireNonNull(wire, "wire")) {
            case TEXT -> of(tweet.body());
            case STRUCTURED -> WireFormat.normaliseText(tweet.body()).isBlank() ? noText()
                    : Either.right(new Frame(StructuredFormat.write(tweet) + WireFormat.MARKER + "\n"));
        };
    }

    private static Either<Rejection, Frame> noText() {
        return Either.left(Rejection.of("frame", "the tweet has no text to relay"));
    }

    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
