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

    /** The most bytes {@link #encodeInto} may write: three for each UTF-16 char (a surrogate pair takes four). */
    public int maxEncodedLength() {
        return text.length() * 3;
    }

    /** How many bytes {@link #bytes()} holds, counted without encoding; mirrors {@link #encodeInto}'s cases. */
    public int encodedLength() {
        String s = text;
        int n = s.length();
        int length = n;
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                continue;
            }
            if (c < 0x800) {
                length += 1;
            } else if (!Character.isSurrogate(c)) {
                length += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                length += 2;  // four bytes for two chars
                i++;
            }  // a lone surrogate is one byte, '?'
        }
        return length;
    }

    /**
     * Writes {@link #bytes()} into {@code target} from {@code offset}, which must have room for
     * {@link #maxEncodedLength()} bytes, and returns how many it wrote. Mirrors {@code getBytes(UTF_8)}, a lone
     * surrogate written as {@code '?'} (a property test holds them equal), without allocating: the relay encodes each
     * frame straight into a reader's buffer.
     *
     * @param chars room for the text's chars, which the caller keeps from frame to frame: reading a copy of the chars
     *     beats {@code charAt}, which checks the string's coder and bounds at every char
     */
    public int encodeInto(byte[] target, int offset, char[] chars) {
        int n = text.length();
        text.getChars(0, n, chars, 0);
        int at = offset;
        int i = 0;
        while (i < n) {
            // Eight ASCII chars at a time, one test for the eight: most of a tweet is ASCII, accents and emoji apart.
            while (i + 8 <= n && (chars[i] | chars[i + 1] | chars[i + 2] | chars[i + 3] | chars[i + 4]
                    | chars[i + 5] | chars[i + 6] | chars[i + 7]) < 0x80) {
                for (int k = 0; k < 8; k++) {
                    target[at + k] = (byte) chars[i + k];
                }
                at += 8;
                i += 8;
            }
            if (i == n) {
                break;
            }
            char c = chars[i++];
            if (c < 0x80) {
                target[at++] = (byte) c;
            } else if (c < 0x800) {
                target[at++] = (byte) (0xC0 | c >> 6);
                target[at++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                target[at++] = (byte) (0xE0 | c >> 12);
                target[at++] = (byte) (0x80 | c >> 6 & 0x3F);
                target[at++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i < n && Character.isLowSurrogate(chars[i])) {
                int code = Character.toCodePoint(c, chars[i++]);
                target[at++] = (byte) (0xF0 | code >> 18);
                target[at++] = (byte) (0x80 | code >> 12 & 0x3F);
                target[at++] = (byte) (0x80 | code >> 6 & 0x3F);
                target[at++] = (byte) (0x80 | code & 0x3F);
            } else {
                target[at++] = '?';
            }
        }
        return at - offset;
    }
}
