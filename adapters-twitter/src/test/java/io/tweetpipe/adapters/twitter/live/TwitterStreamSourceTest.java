package io.tweetpipe.adapters.twitter.live;

import static io.tweetpipe.adapters.twitter.live.LiveSourceChecks.assertReconnectedAtOnceWithNothingLostOrDuplicated;
import static io.tweetpipe.adapters.twitter.live.LiveSourceChecks.assertReplayGivesTheLiveMessages;
import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.Ending.DROP;
import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.Ending.HOLD;
import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.Ending.SILENCE;
import static io.tweetpipe.adapters.twitter.live.LocalEndpoint.streaming;
import static io.tweetpipe.adapters.twitter.live.LocalStreamingEndpoint.answer;
import static io.tweetpipe.application.contract.Tweets.extended;
import static io.tweetpipe.application.contract.Tweets.tweet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.twitter.v1.V1JsonLines;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real twitter4j client against a local endpoint that speaks Twitter's v1.1 filter protocol. */
class TwitterStreamSourceTest {

    static final TwitterCredentials CREDENTIALS = new TwitterCredentials("ck-test-consumer-key-7e1",
            "cs-test-consumer-SECRET-93fa", "at-test-access-token-5b2", "ats-test-token-SECRET-c40d");
    static final TrackFilter COVID_EN = TrackFilter.of(List.of("covid"), List.of("en")).get();
    private static final Instant AT = Instant.parse("2026-11-24T10:00:00Z");

    /** Writes the waits down instead of sleeping through them. */
    static final class RecordingSleeper implements Sleeper {
        final java.util.List<Duration> waits = new CopyOnWriteArrayList<>();

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
        }
    }

    @TempDir
    Path directory;

    private LocalStreamingEndpoint endpoint;
    private final RecordingSleeper sleeper = new RecordingSleeper();

    @BeforeEach
    void startEndpoint() throws Exception {
        endpoint = LocalStreamingEndpoint.start();
    }

    @AfterEach
    void stopEndpoint() {
        endpoint.close();
    }

    static TwitterStreamSettings settings(LocalStreamingEndpoint endpoint) {
        return TwitterStreamSettings.of(CREDENTIALS, Option.some(endpoint.baseUrl()), Option.none()).get();
    }

    private TwitterStreamSource source() {
        return new TwitterStreamSource(settings(endpoint), sleeper);
    }

    private static String status(long id, String text, String language) {
        return V1JsonLines.status(tweet(id, text, language));
    }

    @Test
    void givenMixedFeed_stream_postsTheFilterAndDeliversOnlyMatchingTweetsInTheRightLanguages() throws Exception {
        endpoint.then(streaming(HOLD,
                status(1, "COVID numbers today", "en"),
                status(2, "covid en español", "es"),
                status(3, "nothing relevant", "en"),
                status(4, "a #covid hashtag", "en"),
                status(5, "covid19 is another token", "en"),
                status(6, "last covid one", "en")));

        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.ids().size() >= 3));
            run.stop();
            assertEquals(List.of(1L, 4L, 6L), run.ids());
        }
        LocalStreamingEndpoint.Request request = endpoint.requests().get(0);
        assertEquals("POST", request.method());
        assertEquals(LocalStreamingEndpoint.FILTER_PATH, request.path());
        assertEquals("covid", request.form().get("track"));
        assertEquals("en", request.form().get("language"));
        assertTrue(request.headers().get("authorization").startsWith("OAuth ")
                && request.headers().get("authorization").contains("oauth_consumer_key=\"ck-test-consumer-key-7e1\""),
                request.headers().toString());
    }

    @Test
    void givenExtendedTweet_stream_yieldsItsFullText() throws Exception {
        String full = "covid: a post longer than the classic limit of one hundred and forty characters, "
                + "so Twitter truncates its text and sends the whole of it in extended_tweet.full_text 😷";
        endpoint.then(streaming(HOLD, V1JsonLines.status(extended(9, full, "en"))));

        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.tweets().size() == 1));
            assertEquals(full, run.tweets().get(0).body());
            assertTrue(run.tweets().get(0).text().endsWith("… https://t.co/x9"));
        }
    }

    @Test
    void givenDroppedConnection_stream_reconnectsAtOnceWithNothingLostOrDuplicated() throws Exception {
        TwitterStreamSource source = source();
        assertReconnectedAtOnceWithNothingLostOrDuplicated(endpoint, id -> status(id, "covid update " + id, "en"),
                source, COVID_EN, source::figures, sleeper);
        assertEquals(2, endpoint.requests().size());
    }

    @Test
    void givenEveryKindOfFailure_stream_waitsAsTwitterDocumentsAndResetsOnceConnected() throws Exception {
        endpoint.then(new LocalStreamingEndpoint.Hangup(), new LocalStreamingEndpoint.Hangup(),
                new LocalStreamingEndpoint.Hangup(),
                answer(503, "Service Unavailable"), answer(503, "Service Unavailable"),
                answer(420, "Enhance Your Calm"), answer(429, "Too Many Requests"),
                answer(500, "Internal Server Error"),
                streaming(DROP, status(1, "covid first", "en")),
                new LocalStreamingEndpoint.Hangup(),
                answer(503, "Service Unavailable"),
                streaming(HOLD, status(2, "covid second", "en")));

        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.ids().contains(2L)));
        }

        assertEquals(java.util.List.of(
                Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofMillis(750), // network: +250 ms a try
                Duration.ofSeconds(5), Duration.ofSeconds(10),                          // HTTP: 5 s doubling
                Duration.ofSeconds(60), Duration.ofSeconds(120),                        // 420, 429: 1 min doubling
                Duration.ofSeconds(20),                                                 // HTTP again: keeps doubling
                Duration.ZERO,                                                          // a working one dropped
                Duration.ofMillis(250), Duration.ofSeconds(5)),                         // counts start again
                sleeper.waits);
        assertEquals(12, endpoint.requests().size());
    }

    @Test
    void givenSilentConnection_stream_detectsTheStallAndReopensAtOnce() throws Exception {
        endpoint.then(streaming(SILENCE, status(1, "covid before the silence", "en")),
                streaming(HOLD, status(2, "covid after it", "en")));
        TwitterStreamSettings settings = settings(endpoint);
        TwitterStreamSource source = new TwitterStreamSource(new TwitterStreamSettings(settings.credentials(),
                settings.streamBaseUrl(), settings.recording(), Duration.ofMillis(600), settings.connectTimeout(),
                settings.reconnect(), settings.pendingCapacity()), sleeper);

        try (SourceRun run = SourceRun.start(source, COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.ids().contains(2L)));
            assertEquals(List.of(1L, 2L), run.ids());
        }
        // A stall is a drop: reopened at once. (A machine too busy to see a keep-alive for 600 ms stalls again,
        // which changes how many reconnections there were, not how long they waited.)
        assertEquals(Duration.ZERO, sleeper.waits.get(0));
        assertTrue(sleeper.waits.stream().allMatch(Duration::isZero), sleeper.waits.toString());
        assertTrue(endpoint.requests().size() >= 2);
    }

    @Test
    void givenDeleteNoticeForATweetNotYetHandedOn_stream_neverHandsThatTweetOn() throws Exception {
        endpoint.then(streaming(HOLD,
                status(1, "covid first", "en"),
                status(2, "covid regretted", "en"),
                V1JsonLines.deletion(2, 1002, AT),
                status(3, "covid third", "en")));
        TwitterStreamSource source = source();
        CountDownLatch release = new CountDownLatch(1);

        try (SourceRun run = SourceRun.start(source, COVID_EN, message -> {
            if (message instanceof StreamMessage.Status status && status.tweet().id().value() == 1) {
                awaitQuietly(release); // the relay is busy with tweet 1 while 2 and its deletion arrive
            }
        })) {
            assertTrue(waitFor(() -> source.figures().deletedBeforeHandedOn() == 1));
            release.countDown();
            assertTrue(run.awaitUntil(r -> r.ids().contains(3L)));
            assertEquals(List.of(1L, 3L), run.ids());
            assertTrue(run.messages().contains(new StreamMessage.Deletion(new TweetId(2))));
        }
    }

    @Test
    void givenNotices_stream_handsOnLimitsWarningsDisconnectsAndUnknownsAndGoesOn() throws Exception {
        endpoint.then(streaming(HOLD,
                V1JsonLines.limit(12, AT),
                V1JsonLines.stallWarning(70),
                "{\"status_withheld\":{\"id\":5,\"user_id\":6,\"withheld_in_countries\":[\"XX\"]}}",
                "{\"broken\": ",
                V1JsonLines.disconnect(7, "tweetpipe", "admin logout"),
                status(1, "covid still flowing", "en")));

        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.ids().contains(1L)));
            assertEquals(List.of("Limit", "Notice", "Notice", "Malformed", "Notice", "Status"),
                    run.messages().map(m -> m.getClass().getSimpleName()));
            assertEquals(new StreamMessage.Limit(12), run.messages().get(0));
            assertEquals(List.of(StreamMessage.Notice.Kind.STALL_WARNING, StreamMessage.Notice.Kind.UNKNOWN,
                            StreamMessage.Notice.Kind.DISCONNECT),
                    run.messages().filter(StreamMessage.Notice.class::isInstance)
                            .map(m -> ((StreamMessage.Notice) m).kind()));
        }
    }

    @Test
    void givenWrongCredentials_stream_endsWithWhatToFixAndDoesNotRetry() throws Exception {
        endpoint.then(answer(401, "Unauthorized"));

        Either<Rejection, Long> result;
        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            result = run.awaitResult();
        }

        assertTrue(result.isLeft());
        String reason = result.getLeft().reason();
        assertTrue(reason.contains("HTTP 401") && reason.contains(TwitterCredentials.CONSUMER_KEY)
                && reason.contains(TwitterCredentials.ACCESS_TOKEN_SECRET) && reason.contains("clock"), reason);
        TimeUnit.MILLISECONDS.sleep(300); // twitter4j would have retried by now
        assertEquals(1, endpoint.requests().size());
        assertEquals(java.util.List.of(), sleeper.waits);
    }

    @Test
    void givenRefusedFilter_stream_endsWithWhatToFix() throws Exception {
        endpoint.then(answer(406, "Not Acceptable"));

        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            Either<Rejection, Long> result = run.awaitResult();
            assertTrue(result.isLeft() && result.getLeft().reason().contains("HTTP 406")
                    && result.getLeft().reason().contains("keywords"), result.toString());
        }
    }

    @Test
    void givenWrongBaseUrl_stream_saysThereIsNoStreamThere() throws Exception {
        TwitterStreamSettings wrong = TwitterStreamSettings.of(CREDENTIALS,
                Option.some(endpoint.baseUrl() + "nope/"), Option.none()).get();

        try (SourceRun run = SourceRun.start(new TwitterStreamSource(wrong, sleeper), COVID_EN)) {
            Either<Rejection, Long> result = run.awaitResult();
            assertTrue(result.isLeft() && result.getLeft().reason().contains("HTTP 404")
                    && result.getLeft().reason().contains("nope/statuses/filter.json"), result.toString());
        }
    }

    @Test
    void givenRecording_replay_givesTheSameMessagesAsTheLiveRun() throws Exception {
        Path recording = directory.resolve("recorded.jsonl");
        endpoint.then(streaming(DROP,
                        status(1, "covid one 😷\nwith a second line", "en"),
                        status(2, "not about it", "en"),
                        V1JsonLines.status(extended(3, "covid & a long text ".repeat(9).strip(), "en")),
                        V1JsonLines.limit(4, AT),
                        "{\"half\": ",
                        V1JsonLines.deletion(99, 1099, AT)),
                streaming(HOLD,
                        V1JsonLines.status(extended(3, "covid & a long text ".repeat(9).strip(), "en")),
                        V1JsonLines.stallWarning(80),
                        status(4, "covid four", "en"),
                        status(5, "covid cinco", "es"),
                        status(6, "covid six", "en")));
        TwitterStreamSettings recorded = TwitterStreamSettings.of(CREDENTIALS, Option.some(endpoint.baseUrl()),
                Option.some(recording)).get();

        assertReplayGivesTheLiveMessages(new TwitterStreamSource(recorded, sleeper), COVID_EN,
                List.of(1L, 3L, 4L, 6L), recording, endpoint::sent);
    }

    @Test
    void givenRecordingThatCannotBeWritten_stream_refusesBeforeConnecting() throws Exception {
        Path recording = Files.createDirectory(directory.resolve("a-directory"));
        TwitterStreamSettings settings = new TwitterStreamSettings(CREDENTIALS, endpoint.baseUrl(),
                Option.some(recording), Duration.ofSeconds(90), Duration.ofSeconds(5), ReconnectPolicy.TWITTER, 100);

        Either<Rejection, Long> result = new TwitterStreamSource(settings, sleeper).stream(COVID_EN, m -> { });

        assertEquals("recording", result.getLeft().subject());
        assertEquals(0, endpoint.requests().size());
    }

    @Test
    void givenInterrupt_stream_stopsAndTheEndpointSeesTheConnectionClose() throws Exception {
        endpoint.then(streaming(HOLD, status(1, "covid", "en")));

        try (SourceRun run = SourceRun.start(source(), COVID_EN)) {
            assertTrue(run.awaitUntil(r -> r.ids().size() == 1));
            assertInstanceOf(InterruptedException.class, run.stop());
        }
    }

    private static boolean waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + SourceRun.GUARD.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return condition.getAsBoolean();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(SourceRun.GUARD.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
