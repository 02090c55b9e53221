package io.tweetpipe.domain.framing;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The relay's encoder ({@link Frame#encodeInto}, {@link Frame#encodedLength}) against the JDK's
 * ({@link Frame#bytes()}), over generated tweets and over random UTF-16, lone surrogates and all.
 */
class FrameEncodingTest {

    private static final long SEED = 20261130L;

    private static void assertEncodesLikeTheJdk(Frame frame) {
        byte[] expected = frame.bytes();
        int offset = 7;
        byte[] target = new byte[offset + frame.maxEncodedLength() + 3];
        Arrays.fill(target, (byte) 0x55);

        int written = frame.encodeInto(target, offset, new char[frame.text().length() + 5]);

        assertEquals(expected.length, written, frame.text());
        assertEquals(expected.length, frame.encodedLength(), frame.text());
        assertArrayEquals(expected, Arrays.copyOfRange(target, offset, offset + written), frame.text());
        for (int i = 0; i < offset; i++) {
            assertEquals((byte) 0x55, target[i], "nothing written before the offset");
        }
        for (int i = offset + written; i < target.length; i++) {
            assertEquals((byte) 0x55, target[i], "nothing written after the frame");
        }
    }

    @Test
    void givenGeneratedTweets_encodeInto_writesWhatGetBytesGives() {
        GeneratedText texts = new GeneratedText(SEED);
        int framed = 0;
        for (int i = 0; i < 5_000; i++) {
            Frame.of(texts.next()).forEach(FrameEncodingTest::assertEncodesLikeTheJdk);
            framed++;
        }
        assertTrue(framed > 0);
    }

    @Test
    void givenRandomUtf16WithLoneSurrogates_encodeInto_writesWhatGetBytesGives() {
        Random random = new Random(SEED);
        for (int i = 0; i < 20_000; i++) {
            char[] chars = new char[random.nextInt(40)];
            for (int c = 0; c < chars.length; c++) {
                chars[c] = switch (random.nextInt(5)) {
                    case 0 -> (char) random.nextInt(0x80);
                    case 1 -> (char) (0x80 + random.nextInt(0x780));
                    case 2 -> (char) (0xD800 + random.nextInt(0x800));  // surrogates, paired by chance or not
                    default -> (char) random.nextInt(0x10000);
                };
            }
            assertEncodesLikeTheJdk(new Frame(new String(chars) + WireFormat.MARKER + "\n"));
        }
    }
}
