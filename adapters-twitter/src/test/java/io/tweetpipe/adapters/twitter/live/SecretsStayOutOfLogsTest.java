package io.tweetpipe.adapters.twitter.live;

import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.Ending.DROP;
import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.Ending.HOLD;
import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.streaming;
import static io.tweetpipe.adapters.twitter.live.LocalStreamingEndpoint.answer;
import static io.tweetpipe.application.contract.Tweets.tweet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.twitter.v1.V1JsonLines;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.control.Either;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every log line, ours and twitter4j's, at every level, through a whole life of the source (connections, drops,
 * HTTP errors, notices, a 401), and no secret in any of them.
 */
class SecretsStayOutOfLogsTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture("io.tweetpipe", "twitter4j");
    private LocalStreamingEndpoint endpoint;

    @BeforeEach
    void startEndpoint() throws Exception {
        endpoint = LocalStreamingEndpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    @Test
    void givenAWholeLifeOfTheSource_logs_neverShowACredential() throws Exception {
        endpoint.then(streaming(DROP, V1JsonLines.status(tweet(1, "covid", "en")), V1JsonLines.stallWarning(90),
                        V1JsonLines.disconnect(4, "x", "duplicate stream")),
                answer(503, "Service Unavailable"),
                new LocalStreamingEndpoint.Hangup(),
                streaming(HOLD, V1JsonLines.status(tweet(2, "covid", "en")), "{\"not\": \"known\"}", "{broken"));
        TwitterStreamSourceTest.RecordingSleeper sleeper = new TwitterStreamSourceTest.RecordingSleeper();
        try (SourceRun run = SourceRun.start(new TwitterStreamSource(TwitterStreamSourceTest.settings(endpoint),
                sleeper), TwitterStreamSourceTest.COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.messages().size() >= 6));
        }
        endpoint.then(answer(401, "Unauthorized"));
        Either<Rejection, Long> refused;
        try (SourceRun run = SourceRun.start(new TwitterStreamSource(TwitterStreamSourceTest.settings(endpoint),
                sleeper), TwitterStreamSourceTest.COVID_EN)) {
            refused = run.awaitResult();
        }

        // The capture works and saw both kinds of line, so an empty result below means something.
        assertTrue(logs.loggers.stream().anyMatch(name -> name.startsWith("io.tweetpipe.adapters.twitter.live")),
                logs.loggers.toString());
        assertTrue(logs.loggers.stream().anyMatch(name -> name.startsWith("twitter4j.")), logs.loggers.toString());
        assertTrue(logs.lines.stream().anyMatch(line -> line.contains("HTTP 503")));
        assertTrue(logs.lines.stream().anyMatch(line -> line.contains("stall warning")));
        List<String> secrets = TwitterStreamSourceTest.CREDENTIALS.secrets().toList();
        List<String> leaks = List.ofAll(logs.lines).filter(line -> secrets.exists(line::contains));
        assertEquals(List.empty(), leaks);
        assertTrue(refused.isLeft());
        assertTrue(secrets.forAll(secret -> !refused.getLeft().toString().contains(secret)));
        String shown = TwitterStreamSourceTest.settings(endpoint).toString();
        assertTrue(secrets.forAll(secret -> !shown.contains(secret)), shown);
    }
}
