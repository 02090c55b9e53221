package io.tweetpipe.adapters.twitter.live;

import static io.tweetpipe.application.contract.Tweets.tweet;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TweetId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PendingMessagesTest {

    private static StreamMessage status(long id) {
        return new StreamMessage.Status(tweet(id, "covid " + id, "en"));
    }

    private static List<PendingMessages.Event> drain(PendingMessages pending) throws InterruptedException {
        List<PendingMessages.Event> out = new ArrayList<>();
        for (PendingMessages.Event e = pending.poll(0, TimeUnit.MILLISECONDS); e != null;
             e = pending.poll(0, TimeUnit.MILLISECONDS)) {
            out.add(e);
        }
        return out;
    }

    @Test
    void givenDeletionOfAWaitingStatus_poll_neverGivesThatStatusButGivesTheDeletion() throws Exception {
        PendingMessages pending = new PendingMessages(10);
        pending.offer(status(1));
        pending.offer(status(2));
        pending.offer(new StreamMessage.Deletion(new TweetId(1)));

        assertEquals(List.of(new PendingMessages.Delivery(status(2)),
                new PendingMessages.Delivery(new StreamMessage.Deletion(new TweetId(1)))), drain(pending));
        assertEquals(1, pending.deletedBeforeHandedOn.get());
    }

    @Test
    void givenStatusAfterItsDeletion_offer_dropsIt() throws Exception {
        PendingMessages pending = new PendingMessages(10);
        pending.offer(new StreamMessage.Deletion(new TweetId(5)));
        pending.offer(status(5));

        assertEquals(List.of(new PendingMessages.Delivery(new StreamMessage.Deletion(new TweetId(5)))),
                drain(pending));
    }

    @Test
    void givenRepeatedStatus_offer_queuesItOnce() throws Exception {
        PendingMessages pending = new PendingMessages(10);
        pending.offer(status(1));
        assertEquals(1, drain(pending).size());
        pending.offer(status(1));

        assertEquals(List.of(), drain(pending));
        assertEquals(1, pending.duplicates.get());
    }

    @Test
    void givenFullQueue_offer_dropsAndCountsButNeverDropsTheEndOfAConnection() throws Exception {
        PendingMessages pending = new PendingMessages(2);
        pending.offer(status(1));
        pending.offer(status(2));
        assertFalse(pending.offer(status(3)));
        PendingMessages.Ended ended = new PendingMessages.Ended(1, new RuntimeException("x"), true);
        pending.end(ended);

        List<PendingMessages.Event> events = drain(pending);
        assertEquals(3, events.size());
        assertEquals(ended, events.get(2));
        assertEquals(1, pending.overflowed.get());
    }

    @Test
    void givenNothing_poll_returnsNullAfterItsTimeout() throws Exception {
        assertNull(new PendingMessages(1).poll(10, TimeUnit.MILLISECONDS));
    }
}
