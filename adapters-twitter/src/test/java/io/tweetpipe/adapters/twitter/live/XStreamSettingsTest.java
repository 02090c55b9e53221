package io.tweetpipe.adapters.twitter.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.twitter.v2.V2Rules;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class XStreamSettingsTest {

    private static final BearerToken TOKEN = new BearerToken("AAAA-test-token-SECRET");

    @Test
    void givenATokenAlone_of_givesXsEndpointsAndTheDocumentedDefaults() {
        XStreamSettings settings = XStreamSettings.of(Either.right(TOKEN), Option.none(), Option.none()).get();

        assertEquals("https://api.x.com/2/tweets/search/stream", settings.streamUrl());
        assertEquals("https://api.x.com/2/tweets/search/stream/rules", settings.rulesUrl());
        assertEquals(Duration.ofSeconds(30), settings.stallTimeout());
        assertEquals(ReconnectPolicy.TWITTER, settings.reconnect());
        assertEquals(V2Rules.PRO_RULE_LENGTH, settings.maxRuleLength());
    }

    @Test
    void givenABaseWithoutItsSlash_of_addsIt() {
        assertEquals("http://127.0.0.1:9/2/tweets/search/stream", XStreamSettings.of(Either.right(TOKEN),
                Option.some("http://127.0.0.1:9/2"), Option.none()).get().streamUrl());
    }

    @Test
    void givenNoTokenABadUrlAndAMissingDirectory_of_reportsAllThree() {
        Seq<Rejection> problems = XStreamSettings.of(BearerToken.find(Map.of()), Option.some("ftp://example.org/"),
                Option.some(Path.of("/no/such/directory/rec.jsonl"))).getError();

        assertEquals(List.of("credentials", "stream URL", "recording"), problems.map(Rejection::subject));
        assertTrue(problems.head().reason().contains(BearerToken.VARIABLE), problems.head().reason());
        assertTrue(problems.get(1).reason().contains("https://api.x.com/2/"), problems.get(1).reason());
    }

    @Test
    void givenTheEnvironment_find_takesTheTokenAndNeverShowsIt() {
        BearerToken found = BearerToken.find(Map.of(BearerToken.VARIABLE, "  AAAA-secret-token  ")).get();

        assertEquals("AAAA-secret-token", found.value());
        assertEquals("BearerToken[****]", found.toString());
        assertEquals("you sent Bearer ****", found.masked("you sent Bearer AAAA-secret-token"));
        assertTrue(BearerToken.find(Map.of(BearerToken.VARIABLE, " ")).isLeft());
        String shown = XStreamSettings.of(Either.right(found), Option.none(), Option.none()).get().toString();
        assertTrue(!shown.contains("AAAA-secret-token"), shown);
    }
}
