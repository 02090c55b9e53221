package io.tweetpipe.domain.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Frame, then read back as the stream processor reads, for many generated tweets sent back to back and cut into
 * chunks at random: one record per tweet with text, equal to its body lower-cased with line breaks normalised, in
 * order; nothing lost, split, merged or invented.
 */
class FramingPropertiesTest {

    private static final long SEED = 20261124L;
    private static final int TWEETS = 20_000;

    /** What the pipeline promises to print for a body, stated independently of the code under test. */
    private static String expectedRecord(String body) {
        String oneLine = body.replace("\r\n", " ").replaceAll("[\n\r\u000B\u000C\u0085\u2028\u2029]", " ");
        return oneLine.toLowerCase(Locale.ROOT).strip();
    }

    @Test
    void givenGeneratedTweets_frameThenRead_yieldsExactlyOneEqualRecordPerTweetWithText() {
        GeneratedText texts = new GeneratedText(SEED);
        java.util.List<String> expected = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        int refused = 0;
        for (int i = 0; i < TWEETS; i++) {
            String body = texts.next();
            Either<Rejection, Frame> frame = Frame.of(body);
            if (expectedRecord(body).isEmpty()) {
                assertTrue(frame.isLeft(), () -> "a body with no text must be refused: " + escapeForMessage(body));
                refused++;
                continue;
            }
            String frameText = frame.get().text();
            assertFalse(StructuredFormat.isStructured(frameText), () -> "taken for a record: " + escapeForMessage(body));
            assertEquals(1, count(frameText, WireFormat.MARKER), () -> "marker inside " + escapeForMessage(body));
            assertEquals(1, count(frameText, "\n"), () -> "a line break survived in " + escapeForMessage(body));
            expected.add(expectedRecord(body));
            wire.writeBytes(frame.get().bytes());
        }

        Seq<String> records = readInRandomChunks(wire.toByteArray(), new Random(SEED));

        assertTrue(refused > 0 && refused < TWEETS / 5, "the generator makes some, but not many, empty tweets");
        assertEquals(expected.size(), records.size(), "one record per tweet");
        assertEquals(List.ofAll(expected), records);
    }

    @Test
    void givenBodyWithBackslashesAndMarkers_escape_isUndoneExactly() {
        GeneratedText texts = new GeneratedText(SEED + 1);
        for (int i = 0; i < TWEETS; i++) {
            String text = texts.next();
            String escaped = WireFormat.escape(text);

            assertFalse(escaped.contains(WireFormat.MARKER), () -> "marker survived escaping " + escapeForMessage(text));
            assertEquals(text, WireFormat.unescape(escaped));
        }
    }

    @Test
    void givenLoneSurrogate_frame_carriesReplacementCharacter() {
        Frame frame = Frame.of("broken \uD83D pair").get();

        assertEquals(List.of("broken \uFFFD pair"), Preprocessing.standard().apply(new String(frame.bytes(),
                StandardCharsets.UTF_8)));
    }

    private static Seq<String> readInRandomChunks(byte[] wire, Random random) {
        FrameDecoder decoder = new FrameDecoder(1 << 20);
        java.util.List<String> frames = new ArrayList<>();
        FrameDecoder.Listener listener = new FrameDecoder.Listener() {
            @Override
            public void frame(String text) {
                frames.add(text);
            }

            @Override
            public void rejected(Rejection rejection) {
                throw new AssertionError("nothing here should be refused: " + rejection);
            }
        };
        for (int at = 0; at < wire.length; ) {
            int length = Math.min(wire.length - at, 1 + random.nextInt(random.nextBoolean() ? 7 : 9_000));
            decoder.feed(wire, at, length, listener);
            at += length;
        }
        decoder.finish(listener);
        Preprocessing preprocessing = Preprocessing.standard();
        return List.ofAll(frames).flatMap(preprocessing);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    private static String escapeForMessage(String text) {
        StringBuilder out = new StringBuilder("\"");
        text.codePoints().limit(200).forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c)
                : String.valueOf((char) c)));
        return out.append('"').toString();
    }
}
