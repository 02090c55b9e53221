package io.tweetpipe.adapters.twitter.v2;

import static io.tweetpipe.application.contract.Tweets.extended;
import static io.tweetpipe.application.contract.Tweets.tweet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.twitter.v1.V1JsonLines;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.List;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class V2MessagesTest {

    private static Tweet read(String line) {
        return assertInstanceOf(StreamMessage.Status.class, V2Messages.read(line).message()).tweet();
    }

    @Test
    void givenPost_read_givesTheTweetWithEveryField() {
        Tweet original = tweet(42, "#Covid figures from @WHO: https://t.co/abc & more <3", "en");

        assertEquals(original, read(V2JsonLines.post(original)));
    }

    @Test
    void givenLongPost_read_keepsTheTextAndTakesTheNoteAsFullTextAndItsEntities() {
        String full = "a long post about covid with @who in it ".repeat(8) + "and at its end #vaccine";
        Tweet original = extended(43, full, "es");

        Tweet read = read(V2JsonLines.post(original));

        assertEquals(original, read);
        assertEquals(full, read.body());
        assertEquals(List.of("vaccine"), read.entities().hashtags());
    }

    @Test
    void givenPostWithoutItsAuthorExpanded_read_givesAnUnknownAuthor() {
        Map<String, Object> line = V2JsonLines.postObject(tweet(44, "covid", "en"));
        line.remove("includes");

        assertEquals(Author.UNKNOWN, read(V1JsonLines.write(line)).author());
    }

    @Test
    void givenSeveralUsersIncluded_read_namesTheAuthorByItsId() {
        Map<String, Object> line = V2JsonLines.postObject(tweet(45, "covid", "en"));
        line.put("includes", Map.of("users", java.util.List.of(
                Map.of("id", "7", "username", "someone_quoted"),
                Map.of("id", "1045", "username", "the_author"))));

        assertEquals(new Author(1045, "the_author"), read(V1JsonLines.write(line)).author());
    }

    @Test
    void givenPostWithoutEntitiesCreatedAtOrLang_read_findsEntitiesTakesTheIdsTimeAndSaysUndetermined() {
        String line = "{\"data\":{\"id\":\"1993000000001123820\",\"text\":\"#covid from @who\"}}";

        Tweet read = read(line);

        assertEquals(new Entities(List.of("covid"), List.of("who"), List.empty()), read.entities());
        assertEquals(Instant.parse("2025-11-24T16:53:22.806Z"), read.createdAt());
        assertEquals(Language.UNDETERMINED, read.language());
    }

    @Test
    void givenMatchingRules_read_givesTheirIds() {
        String line = V2JsonLines.post(tweet(46, "covid", "en")).replaceFirst("}$",
                ",\"matching_rules\":[{\"id\":\"170\",\"tag\":\"tweetpipe\"},{\"id\":\"171\"}]}");

        assertEquals(List.of("170", "171"), V2Messages.read(line).matchingRules());
        assertEquals(List.empty(), V2Messages.read(V2JsonLines.post(tweet(46, "covid", "en"))).matchingRules());
    }

    @Test
    void givenOperationalDisconnect_read_givesADisconnectNotice() {
        StreamMessage message = V2Messages.read(V2JsonLines.operationalDisconnect()).message();

        assertEquals(new StreamMessage.Notice(StreamMessage.Notice.Kind.DISCONNECT, "operational-disconnect: "
                + "This stream has been disconnected upstream for operational reasons."), message);
    }

    @Test
    void givenAnotherProblem_read_givesANoticeSayingIt() {
        StreamMessage message = V2Messages.read(V2JsonLines.problem("ConnectionException", "too many")).message();

        assertEquals(new StreamMessage.Notice(StreamMessage.Notice.Kind.UNKNOWN, "ConnectionException: too many"),
                message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"data\":{\"text\":\"covid\"}}",
        "{\"data\":{\"id\":\"abc\",\"text\":\"covid\"}}",
        "{\"data\":{\"id\":\"0\",\"text\":\"covid\"}}",
        "{\"data\":{\"id\":\"7\"}}",
        "{\"data\":{\"id\":\"7\",\"text\":\"covid\",\"created_at\":\"yesterday\"}}",
        "{\"data\":{\"id\":\"7\",\"text\":\"covid\",\"lang\":\"not a language\"}}",
        "{\"data\":{\"id\":\"7\",\"text\":\"cut",
        "[{\"data\":1}]",
        "   ",
    })
    void givenBrokenLine_read_givesMalformedWithAReason(String line) {
        StreamMessage.Malformed malformed = assertInstanceOf(StreamMessage.Malformed.class,
                V2Messages.read(line).message());

        assertEquals("stream message", malformed.rejection().subject());
        assertTrue(malformed.rejection().reason().length() > 10, malformed.rejection().reason());
    }

    @Test
    void givenThousandsOfRandomCorruptionsOfAPost_read_neverThrows() {
        String line = V2JsonLines.post(extended(48, "covid & more 😷 ".repeat(30).strip(), "en"));
        Random random = new Random(7);
        for (int i = 0; i < 3000; i++) {
            StringBuilder corrupt = new StringBuilder(line);
            for (int edits = 1 + random.nextInt(4); edits > 0 && corrupt.length() > 0; edits--) {
                int at = random.nextInt(corrupt.length());
                switch (random.nextInt(3)) {
                    case 0 -> corrupt.deleteCharAt(at);
                    case 1 -> corrupt.insert(at, "{}[]\",:\\0x".charAt(random.nextInt(10)));
                    default -> corrupt.setLength(at);
                }
            }
            assertTrue(V2Messages.read(corrupt.toString()).message() != null);
        }
    }

    @Test
    void givenLinesOfBothApis_streamLines_readsEachByItsOwnMapping() {
        Tweet old = tweet(50, "covid in v1.1", "en");
        Tweet current = extended(51, "covid in v2 ".repeat(30).strip(), "en");

        List<StreamMessage> read = List.of(V1JsonLines.status(old), V2JsonLines.post(current),
                        V2JsonLines.operationalDisconnect(), V1JsonLines.disconnect(7, "x", "admin logout"), "{broken")
                .map(StreamLines::read);

        assertEquals(new StreamMessage.Status(old), read.get(0));
        assertEquals(new StreamMessage.Status(current), read.get(1));
        assertEquals(StreamMessage.Notice.Kind.DISCONNECT, ((StreamMessage.Notice) read.get(2)).kind());
        assertEquals(StreamMessage.Notice.Kind.DISCONNECT, ((StreamMessage.Notice) read.get(3)).kind());
        assertInstanceOf(StreamMessage.Malformed.class, read.get(4));
    }
}
