package io.tweetpipe.application.contract;

import static io.tweetpipe.application.contract.Tweets.extended;
import static io.tweetpipe.application.contract.Tweets.tweet;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.application.port.out.TweetRecording;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** What every {@link TweetRecording} must do, run against the in-memory source and the replay of a file. */
public abstract class TweetRecordingContract {

    /** A recording of these tweets, in this order, as its adapter would have recorded them. */
    protected abstract TweetRecording recordingOf(Seq<Tweet> tweets) throws Exception;

    @Test
    void givenTweetsOfEveryKind_read_handsOnEachOnceInOrderUnfiltered() throws Exception {
        Seq<Tweet> tweets = List.of(
                tweet(1, "nothing any filter would track", "en"),
                tweet(2, "el metro iba lleno", "es"),
                extended(3, "um texto longo que passa do limite clássico ".repeat(5).strip(), "pt"),
                tweet(4, "😷 🦠", "und"));
        java.util.List<Tweet> read = new ArrayList<>();

        long count = recordingOf(tweets).read(read::add).get();

        assertEquals(4, count);
        assertEquals(tweets.map(t -> t.id().value()), List.ofAll(read).map(t -> t.id().value()));
        assertEquals(tweets.map(Tweet::body), List.ofAll(read).map(Tweet::body));
        assertEquals(List.of("en", "es", "pt", "und"), List.ofAll(read).map(t -> t.language().code()));
    }

    @Test
    void givenAnEmptyRecording_read_handsOnNothing() throws Exception {
        java.util.List<Tweet> read = new ArrayList<>();

        assertEquals(0L, recordingOf(List.empty()).read(read::add).get());
        assertEquals(0, read.size());
    }
}
