package io.tweetpipe.adapters.twitter.live;

import static io.tweetpipe.adapters.twitter.live.LiveSourceChecks.assertReconnectedAtOnceWithNothingLostOrDuplicated;
import static io.tweetpipe.adapters.twitter.live.LiveSourceChecks.assertReplayGivesTheLiveMessages;
import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.Ending.DROP;
import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.Ending.HOLD;
import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.Ending.SILENCE;
import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.streaming;
import static io.tweetpipe.adapters.twitter.live.LocalXEndpoint.answer;
import static io.tweetpipe.application.contract.Tweets.extended;
import static io.tweetpipe.application.contract.Tweets.tweet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.twitter.v2.V2JsonLines;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The X (v2) source against a local endpoint that speaks X's filtered stream and rules protocol. */
class XStreamSourceTest {

    static final BearerToken TOKEN = new BearerToken("AAAAAAAAAAAAAAAAAAAAAtest%2Fbearer%3Dtoken-SECRET-7f3c");
    static final TrackFilter COVID_EN = TrackFilter.of(List.of("covid"), List.of("en")).get();
    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @TempDir
    Path directory;

    private LocalXEndpoint endpoint;
    private final TwitterStreamSourceTest.RecordingSleeper sleeper = new TwitterStreamSourceTest.RecordingSleeper();

    @BeforeEach
    void startEndpoint() throws Exception {
        endpoint = LocalXEndpoint.start(TOKEN.value());
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    static XStreamSettings settings(LocalXEndpoint endpoint) {
        return XStreamSettings.of(Either.right(TOKEN), Option.some(endpoint.baseUrl()), Option.none()).get();
    }

    private XStreamSource source() {
        return new XStreamSource(settings(endpoint), sleeper, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    private static String post(long id, String text, String language) {
        return V2JsonLines.post(tweet(id, text, language));
    }

    @Test
    void givenAFilter_stream_setsItsRulesAsksForTheFieldsItNeedsAndLeavesTheRulesAsFoundWhenStopped()
            throws Exception {
        endpoint.withRule("dogs lang:en", "another-tool").then(streaming(HOLD, post(1, "covid today", "en")));
        TrackFilter filter = TrackFilter.of(List.of("covid", "covid vaccine"), List.of("en", "es")).get();

        try (SourceRun run = SourceRun.start(source(), filter)) {
            assertTrue(run.awaitUntil(r -> r.ids().size() == 1));
            assertEquals(java.util.List.of("dogs lang:en", "(covid OR (covid vaccine)) (lang:en OR lang:es)"),
                    endpoint.rules().stream().map(LocalXEndpoint.Rule::value).toList());
            assertEquals("tweetpipe", endpoint.rules().get(1).tag());
            assertInstanceOf(InterruptedException.class, run.stop());
        }

        assertEquals(java.util.List.of(new LocalXEndpoint.Rule(endpoint.rules().get(0).id(), "dogs lang:en",
                "another-tool")), endpoint.rules());
        LocalXEndpoint.Request stream = endpoint.streamRequests().get(0);
        assertEquals("tweet.fields=created_at,lang,author_id,entities,note_tweet&expansions=author_id",
                stream.query());
        assertEquals("Bearer " + TOKEN.value(), stream.headers().get("authorization"));
    }

    @Test
    void givenItsRuleAlreadyThere_stream_usesItAndLeavesIt() throws Exception {
        endpoint.withRule("covid lang:en", "set-by-hand").then(streaming(HOLD, post(1, "covid", "en")));

        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.ids().size() == 1));
        }

        assertEquals(java.util.List.of("covid lang:en"),
                endpoint.rules().stream().map(LocalXEndpoint.Rule::value).toList());
        assertTrue(endpoint.requests().stream().noneMatch(r -> r.method().equals("POST")), "nothing added or removed");
    }

    @Test
    void givenAMixedStream_stream_handsOnOnlyThePostsOfItsOwnRules() throws Exception {
        endpoint.withRule("dogs", "another-tool").then(streaming(HOLD,
                post(1, "COVID numbers today", "en"),
                post(2, "covid en español", "es"),
                post(3, "dogs are nice", "en"),
                post(4, "a #covid hashtag", "en"),
                post(5, "covid19 is another token", "en"),
                post(6, "covid and dogs", "en"),
                post(7, "last covid one", "en")));
        XStreamSource source = source();

        try (SourceRun run = SourceRun.start(source, COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.ids().contains(7L)));
            run.stop();
            assertEquals(List.of(1L, 4L, 6L, 7L), run.ids());
        }
        assertTrue(endpoint.sent().stream().anyMatch(line -> line.contains("dogs are nice")),
                "the endpoint sent the other tool's post, so the source had to leave it out");
        assertEquals(1, source.foreignPosts());
    }

    @Test
    void givenALongPostWithItsAuthor_stream_givesTheWholeTextTheAuthorAndTheEntities() throws Exception {
        String full = "covid: a post longer than 280 characters, which X sends whole in note_tweet. ".repeat(5)
                + "#LongPosts by @someone https://t.co/long";
        Tweet original = extended(9, full, "en");
        endpoint.then(streaming(HOLD, V2JsonLines.post(original)));

        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.tweets().size() == 1));
            assertEquals(original, run.tweets().get(0));
        }
    }

    @Test
    void givenADroppedConnection_stream_reconnectsAtOnceWithNothingLostOrDuplicated() throws Exception {
        XStreamSource source = source();
        assertReconnectedAtOnceWithNothingLostOrDuplicated(endpoint, id -> post(id, "covid update " + id, "en"),
                source, COVID_EN, source::figures, sleeper);
        assertEquals(2, endpoint.streamRequests().size());
    }

    @Test
    void givenAnOperationalDisconnect_stream_reconnectsAtOnce() throws Exception {
        endpoint.then(streaming(HOLD, post(1, "covid first", "en"), V2JsonLines.operationalDisconnect()),
                streaming(HOLD, post(2, "covid second", "en")));

        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.ids().contains(2L)));
            assertEquals(List.of("Status", "Notice", "Status"),
                    run.messages().map(m -> m.getClass().getSimpleName()));
        }
        assertEquals(java.util.List.of(Duration.ZERO), sleeper.waits);
        assertEquals(2, endpoint.streamRequests().size());
    }

    @Test
    void givenRateLimitsServerErrorsAndNetworkErrors_stream_waitsAsXDocuments() throws Exception {
        endpoint.then(
                answer(429, "Too Many Requests", Map.of("x-rate-limit-reset", epoch(NOW.plusSeconds(90)))),
                answer(429, "Too Many Requests", Map.of("x-rate-limit-reset", epoch(NOW.plusSeconds(30)))),
                answer(429, "Too Many Requests"),
                answer(503, "Service Unavailable"), answer(503, "Service Unavailable"),
                answer(500, "Internal Server Error"),
                new LocalXEndpoint.Hangup(), new LocalXEndpoint.Hangup(),
                streaming(DROP, post(1, "covid first", "en")),
                answer(503, "Service Unavailable"),
                streaming(HOLD, post(2, "covid second", "en")));

        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.ids().contains(2L)));
        }

        assertEquals(java.util.List.of(
                Duration.ofSeconds(90),                                  // 429: until the reset, past one minute
                Duration.ofSeconds(120),                                 // 429: doubled, the reset is earlier
                Duration.ofSeconds(240),                                 // 429 without a reset: doubled
                Duration.ofSeconds(5), Duration.ofSeconds(10),           // 503: 5 s doubling
                Duration.ofSeconds(20),                                  // 500: the same count
                Duration.ofMillis(250), Duration.ofMillis(500),          // network: +250 ms a try
                Duration.ZERO,                                           // a working connection dropped
                Duration.ofSeconds(5)),                                  // counts start again
                sleeper.waits);
        assertEquals(11, endpoint.streamRequests().size());
    }

    @Test
    void givenTheRulesEndpointFailingAtFirst_stream_waitsAndSetsTheRulesOnce() throws Exception {
        endpoint.rulesThen(answer(503, "Service Unavailable"), new LocalXEndpoint.Hangup())
                .then(streaming(HOLD, post(1, "covid", "en")));

        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.ids().size() == 1));
        }

        assertEquals(java.util.List.of(Duration.ofSeconds(5), Duration.ofMillis(250)), sleeper.waits);
        assertEquals(0, endpoint.rules().size());
    }

    @Test
    void givenASilentConnection_stream_detectsTheStallAndReopensAtOnce() throws Exception {
        endpoint.then(streaming(SILENCE, post(1, "covid before the silence", "en")),
                streaming(HOLD, post(2, "covid after it", "en")));
        XStreamSettings settings = settings(endpoint);
        XStreamSource source = new XStreamSource(new XStreamSettings(settings.token(), settings.apiBaseUrl(),
                settings.recording(), Duration.ofMillis(600), settings.connectTimeout(), settings.reconnect(),
                settings.pendingCapacity(), settings.maxRuleLength()), sleeper, Clock.fixed(NOW, ZoneOffset.UTC));

        try (SourceRun run = SourceRun.start(source, COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.ids().contains(2L)));
            assertEquals(List.of(1L, 2L), run.ids());
        }
        assertTrue(sleeper.waits.stream().allMatch(Duration::isZero), sleeper.waits.toString());
        assertTrue(endpoint.streamRequests().size() >= 2);
    }

    @Test
    void givenAWrongToken_stream_endsWithOneSentenceSayingWhatToFixAndDoesNotRetry() throws Exception {
        XStreamSettings wrong = XStreamSettings.of(Either.right(new BearerToken("not-the-token")),
                Option.some(endpoint.baseUrl()), Option.none()).get();

        Either<Rejection, Long> result;
        try (SourceRun run = SourceRun.start(new XStreamSource(wrong, sleeper, Clock.systemUTC()), COVID_EN)) {
            result = run.awaitResult();
        }

        String reason = result.getLeft().reason();
        assertTrue(reason.contains("HTTP 401") && reason.contains(BearerToken.VARIABLE), reason);
        assertTrue(!reason.contains("\n") && reason.length() < 400, "one sentence: " + reason);
        TimeUnit.MILLISECONDS.sleep(300);
        assertEquals(1, endpoint.requests().size());
        assertEquals(java.util.List.of(), sleeper.waits);
    }

    @Test
    void givenAnAppWithoutTheAccessLevel_stream_endsSayingWhichLevelTheStreamNeeds() throws Exception {
        endpoint.forbidden();

        Either<Rejection, Long> result;
        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            result = run.awaitResult();
        }

        String reason = result.getLeft().reason();
        assertTrue(reason.contains("HTTP 403") && reason.contains("Pro") && reason.contains("client-not-enrolled"),
                reason);
        assertEquals(1, endpoint.requests().size());
    }

    @Test
    void givenARuleXRefuses_stream_endsSayingWhichAndWhyAndTakesBackWhatItAdded() throws Exception {
        endpoint.withRule("dogs", "another-tool").withRuleCap(2);
        XStreamSettings settings = settings(endpoint);
        XStreamSource source = new XStreamSource(new XStreamSettings(settings.token(), settings.apiBaseUrl(),
                settings.recording(), settings.stallTimeout(), settings.connectTimeout(), settings.reconnect(),
                settings.pendingCapacity(), 30), sleeper, Clock.systemUTC());
        TrackFilter twoRules = TrackFilter.of(List.of("covid", "vaccine", "booster", "hospital"), List.of("en")).get();

        Either<Rejection, Long> result = source.stream(twoRules, m -> { });

        String reason = result.getLeft().reason();
        assertTrue(reason.contains("RulesCapExceeded") && reason.contains("(booster OR hospital) lang:en"), reason);
        assertEquals(java.util.List.of("dogs"), endpoint.rules().stream().map(LocalXEndpoint.Rule::value).toList());
        assertEquals(0, endpoint.streamRequests().size());
    }

    @Test
    void givenARecording_replay_givesTheSameMessagesAsTheLiveRun() throws Exception {
        Path recording = directory.resolve("recorded-v2.jsonl");
        endpoint.then(streaming(DROP,
                        post(1, "covid one 😷\nwith a second line", "en"),
                        post(2, "not about it", "en"),
                        V2JsonLines.post(extended(3, "covid & a long text ".repeat(20).strip(), "en")),
                        "{\"half\": ",
                        V2JsonLines.problem("ConnectionException", "a warning")),
                streaming(HOLD,
                        V2JsonLines.post(extended(3, "covid & a long text ".repeat(20).strip(), "en")),
                        post(4, "covid four", "en"),
                        post(5, "covid cinco", "es"),
                        post(6, "covid six", "en")));
        XStreamSettings recorded = XStreamSettings.of(Either.right(TOKEN), Option.some(endpoint.baseUrl()),
                Option.some(recording)).get();

        assertReplayGivesTheLiveMessages(new XStreamSource(recorded, sleeper, Clock.systemUTC()), COVID_EN,
                List.of(1L, 3L, 4L, 6L), recording, endpoint::sent);
    }

    private static String epoch(Instant instant) {
        return Long.toString(instant.getEpochSecond());
    }
}
