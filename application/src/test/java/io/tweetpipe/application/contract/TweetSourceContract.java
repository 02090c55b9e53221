package io.tweetpipe.application.contract;

import static io.tweetpipe.application.contract.Tweets.extended;
import static io.tweetpipe.application.contract.Tweets.tweet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TweetSource} must do, run against the in-memory source and every real one. A live source never
 * ends by itself, so the contract reads until it has what it expects (or a timeout) and then interrupts it.
 */
public abstract class TweetSourceContract {

    /** A source that holds these tweets, in this order, as its adapter would receive them. */
    protected abstract TweetSource sourceOf(Seq<Tweet> tweets) throws Exception;

    protected static final TrackFilter COVID_IN_ENGLISH = TrackFilter.of(List.of("covid"), List.of("en")).get();

    @Test
    void givenMixedTweets_stream_deliversOnlyMatchingOnesInOrder() throws Exception {
        Seq<Tweet> tweets = List.of(
                tweet(1, "COVID cases fall", "en"),
                tweet(2, "nothing to see", "en"),
                tweet(3, "covid en español", "es"),
                tweet(4, "New #covid figures", "en"),
                tweet(5, "covid19 is a different token", "en"),
                tweet(6, "ask @covid about it", "en"));

        Seq<Tweet> delivered = statuses(sourceOf(tweets), COVID_IN_ENGLISH, 3);

        assertEquals(List.of(1L, 4L, 6L), delivered.map(t -> t.id().value()));
    }

    @Test
    void givenExtendedTweet_stream_keepsItsFullTextAsBody() throws Exception {
        String full = "covid: a post longer than the classic limit ".repeat(6).strip();
        Seq<Tweet> delivered = statuses(sourceOf(List.of(extended(7, full, "en"))), COVID_IN_ENGLISH, 1);

        assertEquals(List.of(full), delivered.map(Tweet::body));
    }

    @Test
    void givenTextWithNewlinesEmojiAndMarker_stream_deliversItUnchanged() throws Exception {
        String text = "covid\r\nline two 😷 and a literal __end inside\u2028end";
        Seq<Tweet> delivered = statuses(sourceOf(List.of(tweet(8, text, "en"))), COVID_IN_ENGLISH, 1);

        assertEquals(List.of(text), delivered.map(Tweet::body));
    }

    /** Runs the source on its own thread until {@code expected} statuses arrived, it ended, or 30 s passed. */
    protected static Seq<Tweet> statuses(TweetSource source, TrackFilter filter, int expected) throws Exception {
        CopyOnWriteArrayList<Tweet> seen = new CopyOnWriteArrayList<>();
        Thread runner = new Thread(() -> {
            try {
                source.stream(filter, message -> {
                    if (message instanceof StreamMessage.Status status) {
                        seen.add(status.tweet());
                    }
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "source-under-contract");
        runner.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runner.isAlive() && seen.size() < expected && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(10);
        }
        // A little longer, so that a source delivering too much is caught.
        runner.join(300);
        runner.interrupt();
        runner.join(10_000);
        return List.ofAll(seen);
    }
}
