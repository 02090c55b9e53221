package io.tweetpipe.adapters.twitter.live;

import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.Ending.DROP;
import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.Ending.HOLD;
import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.streaming;
import static io.tweetpipe.adapters.twitter.live.LocalXEndpoint.answer;
import static io.tweetpipe.application.contract.Tweets.tweet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.twitter.v2.V2JsonLines;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every log line, ours and the JDK's, at every level, through a whole life of the X source (rules set and removed,
 * connections, a drop, HTTP errors, a rate limit, notices, a 403 and a 401), against an endpoint that quotes the
 * Authorization header back in its refusals and in the stream; no token in any line, nor in what is handed on.
 */
class XSecretsStayOutOfLogsTest {

    @RegisterExtension
    final LogCapture logs = new LogCapture("io.tweetpipe", "jdk");
    private LocalXEndpoint endpoint;

    @BeforeEach
    void startEndpoint() throws Exception {
        endpoint = LocalXEndpoint.start(XStreamSourceTest.TOKEN.value()).echoingAuthorization();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    @Test
    void givenAWholeLifeOfTheSource_logsAndMessages_neverShowTheToken() throws Exception {
        String token = XStreamSourceTest.TOKEN.value();
        endpoint.withRule("dogs", "another-tool")
                .then(streaming(DROP, V2JsonLines.post(tweet(1, "covid", "en")),
                                V2JsonLines.problem("ConnectionException", "about your connection"),
                                "{\"data\": broken " + token),
                        answer(503, "Service Unavailable"),
                        answer(429, "Too Many Requests", Map.of("x-rate-limit-reset", "1")),
                        new LocalXEndpoint.Hangup(),
                        streaming(HOLD, V2JsonLines.post(tweet(2, "covid", "en")), V2JsonLines.operationalDisconnect()),
                        streaming(HOLD, V2JsonLines.post(tweet(3, "covid", "en"))));
        TwitterStreamSourceTest.RecordingSleeper sleeper = new TwitterStreamSourceTest.RecordingSleeper();
        List<StreamMessage> handedOn;
        try (SourceRun run = SourceRun.start(new XStreamSource(XStreamSourceTest.settings(endpoint), sleeper,
                Clock.systemUTC()), XStreamSourceTest.COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.ids().contains(3L)));
            run.stop();
            handedOn = run.messages();
        }
        endpoint.forbidden();
        Either<Rejection, Long> forbidden;
        try (SourceRun run = SourceRun.start(new XStreamSource(XStreamSourceTest.settings(endpoint), sleeper,
                Clock.systemUTC()), XStreamSourceTest.COVID_EN)) {
            forbidden = run.awaitResult();
        }
        LocalXEndpoint other = LocalXEndpoint.start("another-token").echoingAuthorization();
        Either<Rejection, Long> unauthorized;
        try (other; SourceRun run = SourceRun.start(new XStreamSource(XStreamSettings.of(
                Either.right(XStreamSourceTest.TOKEN), Option.some(other.baseUrl()), Option.none()).get(), sleeper,
                Clock.systemUTC()), XStreamSourceTest.COVID_EN)) {
            unauthorized = run.awaitResult();
        }

        // The capture works and saw what the endpoint echoed, so an empty result below means something.
        assertTrue(logs.loggers.stream().anyMatch(name -> name.startsWith("io.tweetpipe.adapters.twitter.live")),
                logs.loggers.toString());
        assertTrue(logs.lines.stream().anyMatch(line -> line.contains("HTTP 503")), logs.lines.toString());
        assertTrue(logs.lines.stream().anyMatch(line -> line.contains("you sent: Bearer ****")),
                logs.lines.toString());
        assertTrue(handedOn.exists(m -> m.toString().contains("you sent: Bearer ****")), handedOn.toString());
        assertTrue(handedOn.exists(StreamMessage.Malformed.class::isInstance), handedOn.toString());
        assertEquals(List.empty(), List.ofAll(logs.lines).filter(line -> line.contains(token)));
        assertEquals(List.empty(), handedOn.filter(m -> m.toString().contains(token)));
        assertTrue(forbidden.getLeft().reason().contains("HTTP 403"), forbidden.toString());
        assertTrue(unauthorized.getLeft().reason().contains("HTTP 401")
                && unauthorized.getLeft().reason().contains("****"), unauthorized.toString());
        assertTrue(!forbidden.getLeft().toString().contains(token) && !unauthorized.getLeft().toString()
                .contains(token));
        String shown = XStreamSourceTest.settings(endpoint).toString();
        assertTrue(!shown.contains(token), shown);
    }
}
