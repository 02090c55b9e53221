package io.tweetpipe.adapters.twitter.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwitterStreamSettingsTest {

    private static final TwitterCredentials CREDENTIALS = TwitterStreamSourceTest.CREDENTIALS;

    @TempDir
    Path directory;

    @Test
    void givenNoUrl_of_targetsTwitterWithTheDocumentedDefaults() {
        TwitterStreamSettings settings = TwitterStreamSettings.of(CREDENTIALS, Option.none(), Option.none()).get();

        assertEquals("https://stream.twitter.com/1.1/statuses/filter.json", settings.filterUrl());
        assertEquals(TwitterStreamSettings.DEFAULT_STALL_TIMEOUT, settings.stallTimeout());
        assertEquals(ReconnectPolicy.TWITTER, settings.reconnect());
    }

    @Test
    void givenUrlWithoutFinalSlash_of_addsIt() {
        assertEquals("http://127.0.0.1:8080/1.1/statuses/filter.json", TwitterStreamSettings
                .of(CREDENTIALS, Option.some("http://127.0.0.1:8080/1.1"), Option.none()).get().filterUrl());
    }

    @Test
    void givenBadUrlAndMissingRecordingDirectory_of_reportsBoth() {
        Seq<Rejection> problems = TwitterStreamSettings.of(CREDENTIALS, Option.some("ftp://example.org/"),
                Option.some(directory.resolve("no/such/dir/rec.jsonl"))).getError();

        assertEquals(List.of("stream URL", "recording"), problems.map(Rejection::subject));
    }

    @Test
    void givenNoCredentialsAndABadUrl_of_reportsBoth() {
        Seq<Rejection> problems = TwitterStreamSettings.of(Either.left(Rejection.of("credentials", "none found")),
                Option.some("ftp://example.org/"), Option.none()).getError();

        assertEquals(List.of("credentials", "stream URL"), problems.map(Rejection::subject));
    }

    @Test
    void givenUrlWithCredentials_of_refusesItWithoutRepeatingThem() {
        Seq<Rejection> problems = TwitterStreamSettings.of(CREDENTIALS,
                Option.some("https://user:hunter2@stream.example.org/1.1/"), Option.none()).getError();

        assertEquals(1, problems.size());
        assertFalse(problems.get(0).toString().contains("hunter2"));
        assertTrue(problems.get(0).reason().contains("environment"));
    }
}
