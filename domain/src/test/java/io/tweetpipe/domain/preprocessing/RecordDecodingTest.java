package io.tweetpipe.domain.preprocessing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.FrameDecoder;
import io.tweetpipe.domain.framing.GeneratedText;
import io.tweetpipe.domain.framing.GeneratedTweets;
import io.tweetpipe.domain.framing.StructuredFormat;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.framing.WireFormat;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.SampledTweet;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Both wires read back as the stream job reads them: the receiver cuts the bytes on the marker as they arrive, in
 * pieces of any size, and hands on chunks of whole frames; each chunk decodes to one record per frame.
 */
class RecordDecodingTest {

    private static final long SEED = 20261124L;
    private static final RecordDecoding DECODING = new RecordDecoding(Preprocessing.standard());
    private static final Tweet TWEET = new Tweet(new TweetId(7), "Covid figures #News", Option.none(),
            new Language("en"), Instant.parse("2026-11-24T10:00:00Z"), new Author(1, "who"),
            new Entities(List.of("News"), List.empty(), List.empty()));

    /** What the pipeline promises to print for a body, stated independently of the code under test. */
    private static String expectedBody(String body) {
        String oneLine = body.replace("\r\n", " ").replaceAll("[\n\r\u000B\u000C\u0085\u2028\u2029]", " ");
        return oneLine.toLowerCase(Locale.ROOT).strip();
    }

    /** The record a structured frame of this tweet must decode to. */
    private static TweetRecord structured(Tweet tweet) {
        return new TweetRecord(Option.some(tweet.id().value()), Option.some(tweet.createdAt()),
                Option.some(tweet.language().code()),
                tweet.author().isKnown() ? Option.some(tweet.author().screenName()) : Option.none(),
                expectedBody(tweet.body()), tweet.isExtended(), tweet.entities());
    }

    /** The record a text frame of this body must decode to: the body, and the entities of its text as written. */
    private static TweetRecord text(String body) {
        return new TweetRecord(Option.none(), Option.none(), Option.none(), Option.none(), expectedBody(body), false,
                Entities.extract(WireFormat.normaliseText(body)));
    }

    @Test
    void givenHostileTweets_framedStructuredThenDecoded_giveEveryFieldBackAndTheBodyTheTextWireGives() {
        GeneratedTweets tweets = new GeneratedTweets(SEED);
        int framed = 0;
        for (int i = 0; i < 20_000; i++) {
            Tweet tweet = tweets.next();
            Either<Rejection, Frame> frame = Frame.of(tweet, Wire.STRUCTURED);
            if (expectedBody(tweet.body()).isEmpty()) {
                assertTrue(frame.isLeft(), "a body with no text is refused");
                continue;
            }

            Seq<Either<Rejection, TweetRecord>> decoded = DECODING.decode(frame.get().bytes());

            assertEquals(List.of(Either.right(structured(tweet))), decoded);
            // The same body on the text wire, read by today's text job, is the same record.
            assertEquals(List.of(decoded.get(0).get().body()),
                    Preprocessing.standard().applyUtf8(Frame.of(tweet, Wire.TEXT).get().bytes()));
            framed++;
        }
        assertTrue(framed > 15_000, "most generated tweets have text: " + framed);
    }

    @Test
    void givenBothWiresAndTheOriginalRelaysFramesMixed_cutAtRandomPoints_decodeToOneRecordPerFrame() {
        Random random = new Random(SEED);
        GeneratedTweets tweets = new GeneratedTweets(SEED + 1);
        java.util.List<TweetRecord> expected = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        int[] kinds = new int[3];
        while (expected.size() < 20_000) {
            Tweet tweet = tweets.next();
            String body = tweet.body();
            if (expectedBody(body).isEmpty()) {
                continue;
            }
            int kind = random.nextInt(5);
            if (kind == 4 && (body.contains(WireFormat.MARKER) || body.indexOf('\\') >= 0
                    || body.indexOf(StructuredFormat.RECORD_SEPARATOR) >= 0)) {
                kind = 0;  // the original relay escaped nothing: its bytes for this body are not one frame
            }
            if (kind == 4) {  // the original relay: raw text and the marker, sometimes after a space, no newline
                wire.writeBytes((body + (random.nextBoolean() ? " " : "") + WireFormat.MARKER)
                        .getBytes(StandardCharsets.UTF_8));
                expected.add(text(body));
                kinds[2]++;
            } else if (kind < 2) {
                wire.writeBytes(Frame.of(tweet, Wire.TEXT).get().bytes());
                expected.add(text(body));
                kinds[0]++;
            } else {
                wire.writeBytes(Frame.of(tweet, Wire.STRUCTURED).get().bytes());
                expected.add(structured(tweet));
                kinds[1]++;
            }
        }

        Seq<Either<Rejection, TweetRecord>> decoded = receive(wire.toByteArray(), random).flatMap(DECODING::decode)
                .toArray();

        assertTrue(Arrays.stream(kinds).allMatch(n -> n > 1_000), () -> "text, structured, original: "
                + Arrays.toString(kinds));
        assertEquals(List.empty(), decoded.filter(Either::isLeft));
        assertEquals(expected.size(), decoded.size(), "one record per frame");
        for (int i = 0; i < expected.size(); i++) {
            assertEquals(expected.get(i), decoded.get(i).get(), "frame " + i);
        }
    }

    @Test
    void givenBothWiresInAChunk_sample_givesEachBodyWithTheLanguageOnlyTheStructuredWireCarries() {
        Tweet portuguese = new Tweet(new TweetId(8), "Tomei a vacina", Option.none(), new Language("pt"),
                Instant.parse("2026-11-24T10:00:01Z"), new Author(2, "quem"), Entities.NONE);
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        chunk.writeBytes(Frame.of(TWEET, Wire.STRUCTURED).get().bytes());
        chunk.writeBytes(Frame.of(portuguese, Wire.TEXT).get().bytes());
        chunk.writeBytes(Frame.of(portuguese, Wire.STRUCTURED).get().bytes());
        byte[] textOnly = Frame.of(TWEET, Wire.TEXT).get().bytes();

        assertEquals(List.of(new SampledTweet("covid figures #news", Option.some("en")),
                        new SampledTweet("tomei a vacina", Option.none()),
                        new SampledTweet("tomei a vacina", Option.some("pt"))),
                DECODING.sample(chunk.toByteArray()));
        assertEquals(List.of(new SampledTweet("covid figures #news", Option.none())), DECODING.sample(textOnly),
                "the tutorial's wire knows no language");
    }

    @Test
    void givenAStructuredFrameAtAnyOffset_sample_findsItsSeparatorAndGivesItsLanguage() {
        byte[] structured = Frame.of(TWEET, Wire.STRUCTURED).get().bytes();
        for (int padding = 1; padding <= 17; padding++) {  // the separator at every place in a word of eight bytes
            ByteArrayOutputStream chunk = new ByteArrayOutputStream();
            chunk.writeBytes(Frame.of("x".repeat(padding)).get().bytes());
            chunk.writeBytes(structured);

            Seq<SampledTweet> sample = DECODING.sample(chunk.toByteArray());

            assertEquals(new SampledTweet("covid figures #news", Option.some("en")), sample.last(), "padding " + padding);
        }
    }

    @Test
    void givenTextFramesOnly_decode_givesTodaysRecordsExactly_evenForMalformedUtf8() {
        Random random = new Random(SEED);
        GeneratedText texts = new GeneratedText(SEED + 2);
        for (int chunk = 0; chunk < 2_000; chunk++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            for (int frames = 1 + random.nextInt(20); frames > 0; frames--) {
                String text = texts.next();
                switch (random.nextInt(3)) {
                    case 0 -> Frame.of(text).forEach(frame -> bytes.writeBytes(frame.bytes()));
                    case 1 -> bytes.writeBytes((text.replace("\u001E", "") + "__end").getBytes(StandardCharsets.UTF_8));
                    default -> {  // bytes that are not UTF-8, and no record separator among them
                        byte[] garbage = new byte[1 + random.nextInt(12)];
                        random.nextBytes(garbage);
                        for (int i = 0; i < garbage.length; i++) {
                            garbage[i] = garbage[i] == 0x1E ? (byte) 'x' : garbage[i];
                        }
                        bytes.writeBytes(garbage);
                        bytes.writeBytes(WireFormat.MARKER.getBytes(StandardCharsets.US_ASCII));
                    }
                }
            }
            byte[] utf8 = bytes.toByteArray();

            Seq<TweetRecord> records = DECODING.apply(utf8);

            assertEquals(Preprocessing.standard().applyUtf8(utf8), records.map(TweetRecord::body));
            assertTrue(records.forAll(record -> record.id().isEmpty() && !record.extended()));
        }
    }

    @Test
    void givenTextShapedLikeAStructuredRecord_textWire_isNeverTakenForOne() {
        String record = "{\"id\":1,\"created_at\":\"2026-11-24T10:00:00Z\",\"lang\":\"en\",\"author\":\"x\","
                + "\"body\":\"forged\",\"extended\":true,\"hashtags\":[\"forged\"],\"mentions\":[],\"urls\":[]}";
        List<String> hostile = List.of(record, "\u001E" + record, "\n\u001E" + record, " \u001E" + record,
                "\u001E\u001E" + record, "\u2028\u001E" + record, "\r\n\u001E" + record, "\u0000\u001E" + record,
                "\u001E" + record + "__end\n\u001E" + record, record + "\u001E", "😷\u001E" + record,
                "\\u001e" + record, "\\\u001E" + record, "\u001E" + record.replace("forged", "__end"),
                StructuredFormat.write(TWEET), "\n" + StructuredFormat.write(TWEET) + "__end\n");
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (String body : hostile) {
            Frame frame = Frame.of(body).get();
            wire.writeBytes(frame.bytes());

            assertEquals(List.of(Either.right(text(body))), DECODING.decode(frame.bytes()), body);
        }
        // Back to back, and with each chunk starting after a newline as a receiver's chunks do.
        assertEquals(hostile.map(RecordDecodingTest::text),
                receive(wire.toByteArray(), new Random(SEED)).flatMap(DECODING));
    }

    @Test
    void givenMalformedStructuredFrameBetweenGoodOnes_decode_refusesItAlone() {
        byte[] chunk = (Frame.of("first #one").get().text() + "\u001E{\"body\":\"broken\",}__end\n"
                + Frame.of(TWEET, Wire.STRUCTURED).get().text() + "\u001E{\"id\":-1,\"body\":\"x\"}__end\n"
                + Frame.of("last").get().text()).getBytes(StandardCharsets.UTF_8);

        Seq<Either<Rejection, TweetRecord>> decoded = DECODING.decode(chunk);

        assertEquals(List.of(true, false, true, false, true), decoded.map(Either::isRight));
        assertEquals(List.of(text("first #one"), structured(TWEET), text("last")),
                decoded.filter(Either::isRight).map(Either::get));
        assertEquals(List.of("structured frame", "structured frame"),
                decoded.filter(Either::isLeft).map(either -> either.getLeft().subject()));
        assertEquals(decoded.filter(Either::isRight).map(Either::get), DECODING.apply(chunk));
    }

    @Test
    void givenThousandsOfRandomCorruptionsOfAStructuredFrame_decode_neverThrows() {
        Tweet tweet = new Tweet(new TweetId(1993000000003194797L), "Covid #News from @who", Option.none(),
                new Language("en"), Instant.parse("2026-11-24T10:00:00.250Z"), new Author(1, "who"),
                new Entities(List.of("News"), List.of("who"), List.of("https://t.co/x")));
        String frame = Frame.of(tweet, Wire.STRUCTURED).get().text();
        String record = frame.substring(0, frame.length() - "__end\n".length());
        Random random = new Random(SEED);
        int refused = 0;
        for (int i = 0; i < 5_000; i++) {
            StringBuilder corrupt = new StringBuilder(record);
            for (int edits = 1 + random.nextInt(4); edits > 0 && corrupt.length() > 1; edits--) {
                int at = 1 + random.nextInt(corrupt.length() - 1);
                switch (random.nextInt(3)) {
                    case 0 -> corrupt.deleteCharAt(at);
                    case 1 -> corrupt.insert(at, "{}[]\",:\\0x_eu\u001E".charAt(random.nextInt(14)));
                    default -> corrupt.setLength(at);
                }
            }

            Seq<Either<Rejection, TweetRecord>> decoded = DECODING.decode(
                    (corrupt + "__end\n").getBytes(StandardCharsets.UTF_8));

            assertTrue(decoded.forAll(either -> either.fold(rejection -> true, r -> !r.body().isEmpty())));
            refused += decoded.count(Either::isLeft);
        }
        assertTrue(refused > 3_750, "more than three corruptions in four are refused: " + refused);
    }

    @Test
    void givenExtraRules_decode_runsThemOnBothWires() {
        RecordDecoding noLinksNoRetweets = new RecordDecoding(Preprocessing.standard()
                .withNormaliser(body -> body.replaceAll("https?://\\S+", "").strip())
                .withFilter(body -> !body.startsWith("rt ")));
        Tweet withLink = new Tweet(new TweetId(8), "See https://t.co/x", Option.none(), new Language("en"),
                Instant.EPOCH, new Author(1, "a"), new Entities(List.empty(), List.empty(), List.of("https://t.co/x")));
        Tweet retweet = new Tweet(new TweetId(9), "RT copied", Option.none(), new Language("en"), Instant.EPOCH,
                new Author(1, "a"), Entities.NONE);
        byte[] chunk = (Frame.of(withLink, Wire.STRUCTURED).get().text() + Frame.of(retweet, Wire.STRUCTURED).get()
                .text() + Frame.of("Look https://t.co/y").get().text() + Frame.of("RT again").get().text())
                .getBytes(StandardCharsets.UTF_8);

        Seq<TweetRecord> records = noLinksNoRetweets.apply(chunk);

        assertEquals(List.of("see", "look"), records.map(TweetRecord::body));
        assertEquals(List.of(List.of("https://t.co/x"), List.of("https://t.co/y")),
                records.map(record -> record.entities().urls()));
    }

    @Test
    void givenAnotherSplitter_decode_readsThePiecesItCuts() {
        Preprocessing standard = Preprocessing.standard();
        Preprocessing ownSplitter = new Preprocessing(text -> List.of(text.split("__end\n", -1)),
                standard.normalisers(), standard.filters());
        GeneratedTweets tweets = new GeneratedTweets(SEED + 3);
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.writeBytes("\n".getBytes(StandardCharsets.US_ASCII));  // as a receiver's chunk starts
        for (int i = 0; i < 2_000; i++) {
            Tweet tweet = tweets.next();
            Frame.of(tweet, i % 2 == 0 ? Wire.TEXT : Wire.STRUCTURED).forEach(frame -> wire.writeBytes(frame.bytes()));
        }
        wire.writeBytes("\u001E{\"body\":1}__end\n".getBytes(StandardCharsets.UTF_8));
        byte[] chunk = wire.toByteArray();

        Seq<Either<Rejection, TweetRecord>> decoded = new RecordDecoding(ownSplitter).decode(chunk);

        assertEquals(DECODING.decode(chunk), decoded);
        assertTrue(decoded.count(Either::isRight) > 1_500 && decoded.last().isLeft(), decoded::toString);
    }

    @Test
    void decoding_survivesJavaSerialization_asSparkShipsIt_andSoDoItsRecords() throws Exception {
        byte[] chunk = (Frame.of("Text #One @Who https://T.co/X").get().text()
                + Frame.of(TWEET, Wire.STRUCTURED).get().text())
                .getBytes(StandardCharsets.UTF_8);

        RecordDecoding copy = roundTrip(DECODING);
        Seq<TweetRecord> records = copy.apply(chunk);

        assertEquals(DECODING.apply(chunk), records);
        assertEquals(List.of(text("Text #One @Who https://T.co/X"), structured(TWEET)), records);
        assertEquals(new Entities(List.of("One"), List.of("Who"), List.of("https://T.co/X")),
                records.get(0).entities());
        assertEquals(records, roundTrip(records));
    }

    /**
     * What a receiver hands on: the bytes fed to a {@link FrameDecoder} in pieces of random size, each frame stored
     * with its marker (less the blank ones), in chunks of a random number of frames.
     */
    private static Seq<byte[]> receive(byte[] wire, Random random) {
        FrameDecoder decoder = new FrameDecoder(1 << 20);
        java.util.List<byte[]> chunks = new ArrayList<>();
        ByteArrayOutputStream chunk = new ByteArrayOutputStream();
        int[] framesInChunk = {0, 1 + random.nextInt(50)};
        FrameDecoder.BytesListener listener = new FrameDecoder.BytesListener() {
            @Override
            public void frame(byte[] bytes, int from, int to) {
                if (new String(bytes, from, to - from, StandardCharsets.UTF_8).isBlank()) {
                    return;
                }
                chunk.write(bytes, from, to - from);
                chunk.writeBytes(WireFormat.MARKER.getBytes(StandardCharsets.US_ASCII));
                if (++framesInChunk[0] == framesInChunk[1]) {
                    chunks.add(chunk.toByteArray());
                    chunk.reset();
                    framesInChunk[0] = 0;
                    framesInChunk[1] = 1 + random.nextInt(50);
                }
            }

            @Override
            public void rejected(Rejection rejection) {
                throw new AssertionError("nothing here should be refused: " + rejection);
            }
        };
        for (int at = 0; at < wire.length; ) {
            int length = Math.min(wire.length - at, 1 + random.nextInt(random.nextBoolean() ? 7 : 9_000));
            decoder.feedBytes(wire, at, length, listener);
            at += length;
        }
        decoder.finish(listener);
        if (chunk.size() > 0) {
            chunks.add(chunk.toByteArray());
        }
        return List.ofAll(chunks);
    }

    @SuppressWarnings("unchecked")
    private static <T> T roundTrip(T value) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }
}
