package io.tweetpipe.domain.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.GeneratedText;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link Preprocessing#applyUtf8} against its reference, {@code apply(new String(bytes, UTF_8))}: on chunks of
 * framed hostile text, on raw bytes as the original relay or a hostile client sends them, with bytes that are not
 * UTF-8 among them, for the standard preprocessing, one with rules added after the standard ones, and one that does
 * not start as the standard one does.
 */
class StandardRulesInOnePassTest {

    private static final long SEED = 20_261_124L;
    private static final int CHUNKS = 3_000;

    /** Byte sequences UTF-8 forbids, or cut short, or what the one pass treats with care. */
    private static final byte[][] HOSTILE_BYTES = {
        {(byte) 0x80}, {(byte) 0xBF}, {(byte) 0xC0, (byte) 0x80}, {(byte) 0xC1, (byte) 0xBF}, {(byte) 0xC3},
        {(byte) 0xE2, (byte) 0x82}, {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
        {(byte) 0xED, (byte) 0xBF, (byte) 0xBF}, {(byte) 0xF0, (byte) 0x80, (byte) 0x80, (byte) 0x80},
        {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, {(byte) 0xF5, (byte) 0x80}, {(byte) 0xFF},
        {(byte) 0xF0, (byte) 0x9F, (byte) 0x98}, {(byte) 0xC2, (byte) 0x85}, {(byte) 0xE2, (byte) 0x80, (byte) 0xA8},
    };

    private final Preprocessing standard = Preprocessing.standard();
    private final Preprocessing extended = Preprocessing.standard()
            .withNormaliser(text -> text.replace("covid", "COVID"))
            .withFilter(text -> !text.startsWith("x"));
    private final Preprocessing other = new Preprocessing(Rules.SPLIT_ON_MARKER, List.of(Rules.LOWERCASE),
            List.empty());

    @Test
    void givenFramedHostileTweets_applyUtf8_givesWhatApplyGivesTheDecodedText() {
        GeneratedText texts = new GeneratedText(SEED);
        Random random = new Random(SEED);
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            StringBuilder wire = new StringBuilder();
            for (int frames = 1 + random.nextInt(20); frames > 0; frames--) {
                wire.append(Frame.of(texts.next()).map(Frame::text).getOrElse(""));  // empty text is refused
            }
            assertSameRecords(wire.toString().getBytes(StandardCharsets.UTF_8));
        }
    }

    @Test
    void givenRawBytesWithMalformedUtf8_applyUtf8_givesWhatApplyGivesTheDecodedText() {
        GeneratedText texts = new GeneratedText(SEED + 1);
        Random random = new Random(SEED + 1);
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            for (int pieces = 1 + random.nextInt(12); pieces > 0; pieces--) {
                switch (random.nextInt(4)) {
                    case 0 -> raw.writeBytes(HOSTILE_BYTES[random.nextInt(HOSTILE_BYTES.length)]);
                    case 1 -> raw.writeBytes("__end".getBytes(StandardCharsets.US_ASCII));
                    default -> raw.writeBytes(texts.next().getBytes(StandardCharsets.UTF_8));
                }
            }
            assertSameRecords(raw.toByteArray());
        }
    }

    @Test
    void givenTextChunksFramedOrRawWithMalformedBytes_recordDecoding_readsEachFrameAsTheRulesDo() {
        GeneratedText texts = new GeneratedText(SEED + 2);
        Random random = new Random(SEED + 2);
        for (int chunk = 0; chunk < CHUNKS; chunk++) {
            ByteArrayOutputStream raw = new ByteArrayOutputStream();
            for (int pieces = 1 + random.nextInt(12); pieces > 0; pieces--) {
                switch (random.nextInt(6)) {
                    case 0 -> raw.writeBytes(HOSTILE_BYTES[random.nextInt(HOSTILE_BYTES.length)]);
                    case 1 -> raw.writeBytes("__end\n".getBytes(StandardCharsets.US_ASCII));
                    case 2 -> raw.writeBytes(texts.next().getBytes(StandardCharsets.UTF_8));
                    default -> raw.writeBytes(Frame.of(texts.next()).map(Frame::text).getOrElse("")
                            .getBytes(StandardCharsets.UTF_8));
                }
            }
            byte[] bytes = raw.toByteArray();
            if (new String(bytes, StandardCharsets.ISO_8859_1).indexOf('\u001E') >= 0) {
                continue;  // a structured frame's separator: not a text chunk
            }
            for (Preprocessing preprocessing : List.of(standard, extended)) {
                assertEquals(textRecords(preprocessing, bytes), new RecordDecoding(preprocessing).apply(bytes),
                        () -> new String(bytes, StandardCharsets.UTF_8));
            }
        }
    }

    /** The reference: the chunk decoded whole, cut, each piece through the rules, entities from it as written. */
    private static Seq<TweetRecord> textRecords(Preprocessing preprocessing, byte[] bytes) {
        return Rules.SPLIT_ON_MARKER.apply(new String(bytes, StandardCharsets.UTF_8))
                .map(piece -> new TweetRecord(Option.none(), Option.none(), Option.none(), Option.none(),
                        preprocessing.normalise(piece), false,
                        Entities.extract(Rules.NORMALISE_TEXT.apply(Rules.UNESCAPE.apply(piece)))))
                .filter(record -> preprocessing.keep(record.body()));
    }

    @Test
    void givenCharactersWhoseLowerCaseDependsOnContext_applyUtf8_lowercasesAsTheJdkDoes() {
        byte[] greekAndTurkish = "ΟΔΥΣΣΕΥΣ ΣΊΣΥΦΟΣ__end\nİSTANBUL Ω__end\n".getBytes(StandardCharsets.UTF_8);

        assertEquals(List.of("οδυσσευς σίσυφος", "i̇stanbul ω"), standard.applyUtf8(greekAndTurkish));
    }

    @Test
    void givenEveryKindOfLineBreakAndEscape_applyUtf8_normalisesThemAsTheRulesDo() {
        byte[] text = " A\r\nB\rC\nD\u000BE\u000CF\u0085G\u2028H\u2029I \\\\ \\_\\_end \\x __end\nÉTÉ 🇧🇷 __end"
                .getBytes(StandardCharsets.UTF_8);

        assertEquals(List.of("a b c d e f g h i \\ __end \\x", "été 🇧🇷"), standard.applyUtf8(text));
    }

    private void assertSameRecords(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        for (Preprocessing preprocessing : java.util.List.of(standard, extended, other)) {
            Seq<String> expected = preprocessing.apply(text);
            Seq<String> actual = preprocessing.applyUtf8(bytes);
            assertEquals(expected.toJavaList(), actual.toJavaList(), () -> "for the bytes of " + escaped(text));
        }
    }

    private static String escaped(String text) {
        StringBuilder out = new StringBuilder();
        text.codePoints().forEach(c -> out.append(c >= 0x20 && c < 0x7F ? Character.toString(c)
                : String.format("\\u{%X}", c)));
        return out.toString();
    }
}
