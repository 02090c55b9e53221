package io.tweetpipe.domain.framing;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * One tweet's body on the wire, as {@link WireFormat} writes it: escaped body, marker, newline.
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

    /** Frames a tweet's body; a body with nothing to read (empty or only white space) is refused. */
    public static Either<Rejection, Frame> of(String body) {
        String text = WireFormat.normaliseText(body).strip();
        if (text.isEmpty()) {
            return Either.left(Rejection.of("frame", "the tweet has no text to relay"));
        }
        return Either.right(new Frame(WireFormat.escape(text) + WireFormat.MARKER + "\n"));
    }

    public byte[] bytes() {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
