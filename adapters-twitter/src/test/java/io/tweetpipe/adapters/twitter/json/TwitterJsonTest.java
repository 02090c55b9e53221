package io.tweetpipe.adapters.twitter.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.twitter.replay.SampleGenerator;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import twitter4j.JSONObject;

class TwitterJsonTest {

    /** twitter4j's tokener reads each of these as an object; none is JSON, and the tutorial's relay reads none. */
    @ParameterizedTest
    @ValueSource(strings = {
        "{text: \"covid\", id: 5}",
        "{\"text\": covid, \"id\": 5}",
        "{\uFFFD\"created_at\":\"Tue Nov 24 10:00:00 +0000 2026\",\"id\":5005,\"text\":\"covid\"}",
        "{'text': 'covid', 'id': 5}",
        "{\"text\": \"covid\", \"id\": 05}",
        "{\"text\": \"tab\tinside\", \"id\": 5}",
        "{\"text\": \"\\x41\", \"id\": 5}",
    })
    void givenWhatTwitter4jsTokenerTakesButIsNotJson_object_refusesIt(String line) {
        assertTrue(readsAsAnObject(line), "twitter4j refuses it: the case no longer shows what it is for");

        Either<String, JSONObject> read = TwitterJson.object(line);

        assertTrue(read.isLeft() && read.getLeft().startsWith("not JSON (") && read.getLeft().contains(
                "at character"), read.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"text\": \"covid\", \"id\": 5,}", "{\"text\": \"covid\" \"id\": 5}", "{\"a\": [1 2]}",
        "{\"a\": -}", "{\"a\": 1.}", "{\"a\": 1e}", "{\"a\": tru}", "{\"a\"", "{", ""})
    void givenBrokenJson_object_saysWhereInOneLine(String line) {
        Either<String, JSONObject> read = TwitterJson.object(line);

        assertTrue(read.isLeft() && read.getLeft().startsWith("not JSON (") && read.getLeft().contains(
                "at character") && read.getLeft().lines().count() == 1, read.toString());
    }

    @Test
    void givenValuesThatAreNoObjectOrHaveMoreAfterThem_object_saysSo() {
        assertEquals("not a JSON object: [1, 2]", TwitterJson.object("[1, 2]").getLeft());
        assertEquals("not a JSON object: 42", TwitterJson.object(" 42").getLeft());
        assertEquals("text after the JSON object: {\"a\":1} x", TwitterJson.object("{\"a\":1} x").getLeft());
        assertEquals("not JSON (an unterminated string at character 5): {\"a\":\"b", TwitterJson.object(
                "{\"a\":\"b").getLeft());
        assertEquals(1, TwitterJson.object(" {\"a\" : [1, -2.5e3, true, null, {\"b\": \"\\u00e9\\n\"}]} \r\n").get()
                .length());
    }

    @Test
    void givenEveryLineOfTheBundledSample_object_readsAsTwitter4jDoesExceptItsTwoBrokenLines() {
        int refused = 0;
        for (String line : SampleGenerator.lines()) {
            Either<String, JSONObject> read = TwitterJson.object(line);
            if (read.isLeft()) {
                refused++;
                assertTrue(!readsAsAnObject(line) || !line.strip().startsWith("{"), line);
            } else {
                assertEquals(new JSONObject(line).toString(), read.get().toString());
            }
        }
        assertEquals(SampleGenerator.MALFORMED, refused);
    }

    private static boolean readsAsAnObject(String line) {
        try {
            return new twitter4j.JSONTokener(line).nextValue() instanceof JSONObject;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
