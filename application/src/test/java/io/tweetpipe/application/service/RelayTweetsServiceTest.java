package io.tweetpipe.application.service;

import static io.tweetpipe.application.contract.Tweets.extended;
import static io.tweetpipe.application.contract.Tweets.tweet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.memory.InMemoryFramePublisher;
import io.tweetpipe.application.memory.InMemoryTweetSource;
import io.tweetpipe.application.port.in.RelayReport;
import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.StructuredFormat;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.util.ArrayList;
import java.util.concurrent.BlockingQueue;
import org.junit.jupiter.api.Test;

class RelayTweetsServiceTest {

    private static final TrackFilter COVID = TrackFilter.of(List.of("covid"), List.empty()).get();

    @Test
    void givenEveryKindOfMessage_relay_framesStatusesAndCountsTheRest() throws InterruptedException {
        List<StreamMessage> messages = List.of(
                new StreamMessage.Status(tweet(1, "covid one", "en")),
                new StreamMessage.Status(extended(2, "covid two, the whole long post", "es")),
                new StreamMessage.Status(tweet(3, " \r\n\u2028 ", "en")),
                new StreamMessage.Malformed(Rejection.of("json", "unexpected end of input")),
                new StreamMessage.Deletion(new TweetId(1)),
                new StreamMessage.Limit(5),
                new StreamMessage.Limit(9),
                new StreamMessage.Notice(StreamMessage.Notice.Kind.STALL_WARNING, "falling behind"));
        // Unfiltered on purpose: a source may match a tweet on something other than its text (a URL, say).
        TweetSource source = (filter, listener) -> {
            messages.forEach(listener);
            return Either.right((long) messages.size());
        };
        InMemoryFramePublisher publisher = new InMemoryFramePublisher(100, 100);
        java.util.List<Rejection> logged = new ArrayList<>();

        Either<Rejection, RelayReport> report = new RelayTweetsService(source, publisher, logged::add).relay(COVID);

        assertEquals(Either.right(new RelayReport(2, 2, 0, 1, 9, 1)), report);
        BlockingQueue<Frame> reader = publisher.connect();
        assertEquals(List.of(Frame.of("covid one").get(), Frame.of("covid two, the whole long post").get()),
                List.ofAll(reader));
        assertEquals(List.of("tweet 3", "json"), List.ofAll(logged).map(Rejection::subject));
    }

    @Test
    void givenStructuredWire_relay_framesEachTweetAsItsRecordAndRefusesTheSameTweets() throws InterruptedException {
        Tweet one = tweet(1, "covid one #news", "en");
        Tweet two = extended(2, "covid two, the whole long post @who", "es");
        List<StreamMessage> messages = List.of(new StreamMessage.Status(one), new StreamMessage.Status(two),
                new StreamMessage.Status(tweet(3, " \r\n\u2028 ", "en")));
        TweetSource source = (filter, listener) -> {
            messages.forEach(listener);
            return Either.right((long) messages.size());
        };
        InMemoryFramePublisher publisher = new InMemoryFramePublisher(100, 100);
        java.util.List<Rejection> logged = new ArrayList<>();

        RelayReport report = new RelayTweetsService(source, publisher, logged::add, Wire.STRUCTURED).relay(COVID)
                .get();

        assertEquals(new RelayReport(2, 1, 0, 0, 0, 0), report);
        List<Frame> frames = List.ofAll(publisher.connect());
        assertEquals(List.of(Frame.of(one, Wire.STRUCTURED).get(), Frame.of(two, Wire.STRUCTURED).get()), frames);
        assertTrue(frames.forAll(frame -> StructuredFormat.isStructured(frame.text())), frames::toString);
        assertEquals(List.of("tweet 3"), List.ofAll(logged).map(Rejection::subject));
    }

    @Test
    void givenLimitNoticesAcrossReconnections_relay_addsEachConnectionsCount() throws InterruptedException {
        List<StreamMessage> limits = List.of(new StreamMessage.Limit(5), new StreamMessage.Limit(9),
                new StreamMessage.Limit(3), new StreamMessage.Limit(4));
        TweetSource source = (filter, listener) -> {
            limits.forEach(listener);
            return Either.right(4L);
        };

        RelayReport report = new RelayTweetsService(source, frame -> { throw new AssertionError(); }, r -> { })
                .relay(COVID).get();

        assertEquals(9 + 4, report.withheld(), "9 withheld on the first connection, 4 on the second");
    }

    @Test
    void givenPublisherThatDrops_relay_countsDropped() throws InterruptedException {
        InMemoryTweetSource source = new InMemoryTweetSource(
                List.range(1, 6).map(i -> new StreamMessage.Status(tweet(i, "covid " + i, "en"))));
        InMemoryFramePublisher publisher = new InMemoryFramePublisher(3, 100);

        RelayReport report = new RelayTweetsService(source, publisher, rejection -> { }).relay(COVID).get();

        assertEquals(new RelayReport(3, 0, 2, 0, 0, 0), report);
    }

    @Test
    void givenSourceThatFails_relay_returnsItsRejection() throws InterruptedException {
        Rejection unauthorised = Rejection.of("credentials", "Twitter answered 401: check the keys");
        RelayTweetsService relay = new RelayTweetsService((filter, listener) -> Either.left(unauthorised),
                frame -> { throw new AssertionError("nothing to publish"); }, rejection -> { });

        assertEquals(Either.left(unauthorised), relay.relay(COVID));
    }
}
