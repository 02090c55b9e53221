package io.tweetpipe.domain.framing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The structured record: written as documented, never holding the marker or a line break, and read back strictly. */
class StructuredFormatTest {

    private static final String RS = "\u001E";

    private static final Tweet SAMPLE = new Tweet(new TweetId(1993000000003194797L),
            "tomei a #covid19 vacina hoje… https://t.co/x", Option.some("tomei a #covid19 vacina hoje @who_1"),
            new Language("pt"), Instant.parse("2026-11-24T10:00:00Z"), new Author(7, "kavetonasumo46"),
            new Entities(List.of("covid19"), List.of("who_1"), List.empty()));

    @Test
    void givenTweet_write_isTheDocumentedRecord() {
        assertEquals(RS + "{\"id\":1993000000003194797,\"created_at\":\"2026-11-24T10:00:00Z\",\"lang\":\"pt\","
                + "\"author\":\"kavetonasumo46\",\"body\":\"tomei a #covid19 vacina hoje @who_1\",\"extended\":true,"
                + "\"hashtags\":[\"covid19\"],\"mentions\":[\"who_1\"],\"urls\":[]}", StructuredFormat.write(SAMPLE));
    }

    @Test
    void givenTweetWhoseAuthorIsUnknown_write_givesNullAndReadGivesNoAuthor() {
        Tweet anonymous = new Tweet(SAMPLE.id(), SAMPLE.text(), SAMPLE.fullText(), SAMPLE.language(),
                SAMPLE.createdAt(), Author.UNKNOWN, SAMPLE.entities());

        String record = StructuredFormat.write(anonymous);

        assertTrue(record.contains("\"author\":null,"), record);
        assertEquals(Option.none(), StructuredFormat.read(record).get().author());
    }

    @Test
    void givenTweet_frameOfStructured_isTheRecordThenMarkerAndNewline() {
        Frame frame = Frame.of(SAMPLE, Wire.STRUCTURED).get();

        assertEquals(StructuredFormat.write(SAMPLE) + "__end\n", frame.text());
        assertEquals(Frame.of(SAMPLE.body()).get(), Frame.of(SAMPLE, Wire.TEXT).get());
    }

    @Test
    void givenRecordAfterTheNewlineEndingThePreviousFrame_read_findsIt() {
        String record = StructuredFormat.write(SAMPLE);

        assertEquals(StructuredFormat.read(record), StructuredFormat.read("\n" + record));
        assertTrue(StructuredFormat.read("\n" + record).isRight());
        assertFalse(StructuredFormat.isStructured("\n\n" + record));
        assertFalse(StructuredFormat.isStructured(" " + record));
        assertFalse(StructuredFormat.isStructured("\r\n" + record));
    }

    @Test
    void givenBodyWithNothingToRead_frameOfEitherWire_refusesIt() {
        Tweet blank = new Tweet(new TweetId(1), " \r\n\u2028\u001E\t", Option.none(), Language.UNDETERMINED,
                Instant.EPOCH, new Author(1, "a"), Entities.NONE);

        assertTrue(Frame.of(blank, Wire.TEXT).isLeft());
        assertTrue(Frame.of(blank, Wire.STRUCTURED).isLeft());
    }

    @Test
    void givenHostileTweets_write_neverHoldsTheMarkerNorALineBreak_andReadGivesEveryFieldBack() {
        GeneratedTweets tweets = new GeneratedTweets(20261124L);
        for (int i = 0; i < 20_000; i++) {
            Tweet tweet = tweets.next();

            String record = StructuredFormat.write(tweet);

            assertFalse(record.contains("__"), () -> "two underscores side by side in " + excerpt(record));
            assertTrue(record.chars().skip(1).allMatch(c -> c >= 0x20 && c != 0x85 && c != 0x2028 && c != 0x2029),
                    () -> "a control character or line break in " + excerpt(record));
            assertTrue(StructuredFormat.isStructured(record));
            assertEquals(Either.right(new TweetRecord(Option.some(tweet.id().value()), Option.some(tweet.createdAt()),
                    Option.some(tweet.language().code()),
                    tweet.author().isKnown() ? Option.some(tweet.author().screenName()) : Option.none(), tweet.body(),
                    tweet.isExtended(), tweet.entities())), StructuredFormat.read(record), () -> excerpt(record));
        }
    }

    /**
     * A client of the tutorial's protocol reads lines (Spark's {@code socketTextStream} reads with
     * {@code BufferedReader.readLine}), then splits each on the marker: one line per tweet, holding its record.
     */
    @Test
    void givenStructuredWire_aTutorialsLineReader_getsOneRecordPerTweet() throws Exception {
        GeneratedTweets tweets = new GeneratedTweets(20261125L);
        java.util.List<TweetRecord> sent = new ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        while (sent.size() < 5_000) {
            Tweet tweet = tweets.next();
            Frame.of(tweet, Wire.STRUCTURED).forEach(frame -> {
                wire.writeBytes(frame.bytes());
                sent.add(StructuredFormat.read(StructuredFormat.write(tweet)).get());
            });
        }

        java.util.List<TweetRecord> read = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(wire.toByteArray()), StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                String[] pieces = line.split(WireFormat.MARKER, -1);
                assertEquals(2, pieces.length, excerpt(line));
                assertEquals("", pieces[1]);
                read.add(StructuredFormat.read(pieces[0]).get());
            }
        }

        assertEquals(sent, read);
    }

    @Test
    void givenLoneSurrogates_write_carriesReplacementCharacters() {
        Tweet broken = new Tweet(new TweetId(5), "a \uD83D b \uDE00", Option.none(), new Language("en"),
                Instant.EPOCH, new Author(1, "x\uD800"), new Entities(List.of("\uDBFFtag"), List.empty(),
                List.empty()));

        TweetRecord read = StructuredFormat.read(StructuredFormat.write(broken)).get();

        assertEquals("a \uFFFD b \uFFFD", read.body());
        assertEquals(Option.some("x\uFFFD"), read.author());
        assertEquals(List.of("\uFFFDtag"), read.entities().hashtags());
    }

    @Test
    void givenWhatOtherJsonWritersWrite_read_acceptsIt() {
        String record = RS + " {\n \"body\" : \"caf\\u00E9 \\/ \\\"quoted\\\" \\b\\f\\n\\r\\t\\ud83d\\ude00\" ,"
                + " \"id\": 42, \"lang\": \"EN\", \"created_at\": \"2026-11-24T10:00:00.5Z\", \"extended\": false,"
                + " \"author\": null, \"hashtags\": [ \"a\" , \"b\" ], \"mentions\": null,"
                + " \"retweets\": 1.5e3, \"source\": \"web\", \"flags\": [], \"sensitive\": true, \"note\": null } \t";

        assertEquals(new TweetRecord(Option.some(42L), Option.some(Instant.parse("2026-11-24T10:00:00.500Z")),
                        Option.some("en"), Option.none(), "café / \"quoted\" \b\f\n\r\t😀", false,
                        new Entities(List.of("a", "b"), List.empty(), List.empty())),
                StructuredFormat.read(record).get());
        assertEquals(new TweetRecord(Option.none(), Option.none(), Option.none(), Option.none(), "", false,
                Entities.NONE), StructuredFormat.read(RS + "{\"body\":\"\"}").get());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "{\"body\":\"no separator\"}", " \u001E{\"body\":\"separator not first\"}",
        RS, RS + " ", RS + "{", RS + "{}", RS + "[\"body\"]", RS + "\"body\"", RS + "null",
        RS + "{\"body\":1}", RS + "{\"body\":null}", RS + "{\"body\":[\"a\"]}",
        RS + "{\"body\":\"a\",\"body\":\"b\"}",
        RS + "{\"body\":\"a\"} trailing", RS + "{\"body\":\"a\"}{\"body\":\"b\"}", RS + "{\"body\":\"a\",}",
        RS + "{,\"body\":\"a\"}", RS + "{\"body\" \"a\"}", RS + "{\"body\":\"a\" \"id\":1}", RS + "{\"body\":\"a\"",
        RS + "{'body':'a'}", RS + "{body:\"a\"}", RS + "{\"body\":\"unclosed}",
        RS + "{\"body\":\"bad \\x escape\"}", RS + "{\"body\":\"short \\u12\"}", RS + "{\"body\":\"\\u12g4\"}",
        RS + "{\"body\":\"raw \u0001 control\"}", RS + "{\"body\":\"raw \n line break\"}",
        RS + "{\"body\":\"a\",\"id\":-5}", RS + "{\"body\":\"a\",\"id\":0}", RS + "{\"body\":\"a\",\"id\":1.5}",
        RS + "{\"body\":\"a\",\"id\":1e3}", RS + "{\"body\":\"a\",\"id\":01}", RS + "{\"body\":\"a\",\"id\":\"7\"}",
        RS + "{\"body\":\"a\",\"id\":9223372036854775808}", RS + "{\"body\":\"a\",\"id\":-}",
        RS + "{\"body\":\"a\",\"id\":1.}", RS + "{\"body\":\"a\",\"id\":+1}",
        RS + "{\"body\":\"a\",\"created_at\":\"2026-02-30T00:00:00Z\"}",
        RS + "{\"body\":\"a\",\"created_at\":\"2026-11-24 10:00:00Z\"}",
        RS + "{\"body\":\"a\",\"created_at\":\"2026-11-24T24:00:00Z\"}",
        RS + "{\"body\":\"a\",\"created_at\":\"2026-11-24T10:00:00\"}",
        RS + "{\"body\":\"a\",\"created_at\":\"2026-11-24T10:00:00.Z\"}",
        RS + "{\"body\":\"a\",\"created_at\":\"2026-11-24T10:00:00.1234567890Z\"}",
        RS + "{\"body\":\"a\",\"created_at\":1795514400000}",
        RS + "{\"body\":\"a\",\"lang\":\"english!\"}", RS + "{\"body\":\"a\",\"lang\":7}",
        RS + "{\"body\":\"a\",\"author\":true}", RS + "{\"body\":\"a\",\"extended\":\"yes\"}",
        RS + "{\"body\":\"a\",\"extended\":tru}", RS + "{\"body\":\"a\",\"extended\":True}",
        RS + "{\"body\":\"a\",\"hashtags\":[1]}", RS + "{\"body\":\"a\",\"hashtags\":\"covid\"}",
        RS + "{\"body\":\"a\",\"urls\":[\"a\",]}", RS + "{\"body\":\"a\",\"urls\":[\"a\"}",
        RS + "{\"body\":\"a\",\"mentions\":[null]}", RS + "{\"body\":\"a\",\"extra\":{}}",
        RS + "{\"body\":\"a\",\"extra\":[[\"nested\"]]}",
    })
    void givenMalformedRecord_read_refusesItWithAReason(String frame) {
        Either<Rejection, TweetRecord> read = StructuredFormat.read(frame);

        assertTrue(read.isLeft(), () -> "read " + read);
        assertEquals("structured frame", read.getLeft().subject());
        assertTrue(read.getLeft().reason().length() > 15, read.getLeft().reason());
    }

    private static String excerpt(String record) {
        return record.length() <= 400 ? record : record.substring(0, 200) + " ... " + record.substring(
                record.length() - 200);
    }
}
