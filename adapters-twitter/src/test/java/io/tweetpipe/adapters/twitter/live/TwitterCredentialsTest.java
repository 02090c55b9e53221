package io.tweetpipe.adapters.twitter.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TwitterCredentialsTest {

    private static final Map<String, String> ENVIRONMENT = Map.of(
            "TWITTER_CONSUMER_KEY", "key-1", "TWITTER_CONSUMER_SECRET", "secret-2",
            "TWITTER_ACCESS_TOKEN", "token-3", "TWITTER_ACCESS_TOKEN_SECRET", "token-secret-4", "HOME", "/root");

    @TempDir
    Path directory;

    @Test
    void givenAllFourVariables_find_takesThemFromTheEnvironment() {
        assertEquals(Either.right(new TwitterCredentials("key-1", "secret-2", "token-3", "token-secret-4")),
                TwitterCredentials.find(ENVIRONMENT, directory.resolve("twitter4j.properties")));
    }

    @Test
    void givenSomeVariables_find_namesTheMissingOnesAndNoValue() {
        Either<Rejection, TwitterCredentials> found = TwitterCredentials.find(
                Map.of("TWITTER_CONSUMER_KEY", "key-1", "TWITTER_ACCESS_TOKEN", " "),
                directory.resolve("twitter4j.properties"));

        assertEquals("missing TWITTER_CONSUMER_SECRET, TWITTER_ACCESS_TOKEN, TWITTER_ACCESS_TOKEN_SECRET in the "
                + "environment", found.getLeft().reason());
        assertFalse(found.getLeft().toString().contains("key-1"));
    }

    @Test
    void givenNoVariablesButAPropertiesFile_find_readsTwitter4jsKeys() throws Exception {
        Path file = Files.writeString(directory.resolve("twitter4j.properties"), """
                debug=false
                oauth.consumerKey=pk
                oauth.consumerSecret=ps
                oauth.accessToken=pt
                oauth.accessTokenSecret=pts
                """);

        assertEquals(Either.right(new TwitterCredentials("pk", "ps", "pt", "pts")),
                TwitterCredentials.find(Map.of("HOME", "/root"), file));
    }

    @Test
    void givenNothing_find_saysWhereToPutThem() {
        Rejection rejection = TwitterCredentials.find(Map.of(), directory.resolve("twitter4j.properties")).getLeft();

        assertTrue(rejection.reason().contains("TWITTER_CONSUMER_KEY")
                && rejection.reason().contains("oauth.accessTokenSecret"), rejection.reason());
    }

    @Test
    void givenCredentials_toString_showsNoneOfThem() {
        String shown = new TwitterCredentials("key-1", "secret-2", "token-3", "token-secret-4").toString();

        assertFalse(shown.contains("key-1") || shown.contains("secret-2") || shown.contains("token-3")
                || shown.contains("token-secret-4"), shown);
    }
}
