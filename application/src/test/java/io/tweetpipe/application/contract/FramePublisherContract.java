package io.tweetpipe.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.application.port.out.FramePublisher;
import io.tweetpipe.application.port.out.FramePublisher.Delivery;
import io.tweetpipe.domain.framing.Frame;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** What every {@link FramePublisher} must do: the relay's delivery policy, run against memory and the real socket. */
public abstract class FramePublisherContract {

    /** A reader of what the publisher delivers, as the stream processor reads it. */
    protected interface Reader extends AutoCloseable {
        /** The next frames' texts, waiting up to the timeout; fewer if fewer came. */
        Seq<String> read(int frames, Duration timeout) throws Exception;
    }

    /** A started publisher whose backlog (for when no reader is connected) holds this many frames. */
    protected abstract FramePublisher publisher(int backlogFrames) throws Exception;

    /** Connects a reader, returning once the publisher counts it as connected. */
    protected abstract Reader connect(FramePublisher publisher) throws Exception;

    protected static Frame frame(String body) {
        return Frame.of(body).get();
    }

    private static Seq<Frame> frames(String prefix, int count) {
        return List.range(0, count).map(i -> frame(prefix + " " + i + " __end \n with \\ marker"));
    }

    @Test
    void givenConnectedReader_publish_deliversEveryFrameOnceInOrder() throws Exception {
        FramePublisher publisher = publisher(10);
        try (Reader reader = connect(publisher)) {
            Seq<Frame> sent = frames("tweet", 500);

            Seq<Delivery> outcomes = sent.map(publisher::publish);

            assertEquals(List.fill(500, Delivery.SENT), outcomes);
            assertEquals(sent.map(Frame::text), reader.read(500, Duration.ofSeconds(10)));
            assertEquals(List.empty(), reader.read(1, Duration.ofMillis(200)));
        }
    }

    @Test
    void givenNoReader_publish_backlogsForTheNextReader() throws Exception {
        FramePublisher publisher = publisher(10);
        Seq<Frame> early = frames("early", 4);

        assertEquals(List.fill(4, Delivery.BACKLOGGED), early.map(publisher::publish));

        try (Reader reader = connect(publisher)) {
            publisher.publish(frame("late"));
            assertEquals(early.map(Frame::text).append(frame("late").text()), reader.read(5, Duration.ofSeconds(10)));
        }
    }

    @Test
    void givenFullBacklog_publish_dropsTheNewFrameAndSaysSo() throws Exception {
        FramePublisher publisher = publisher(3);
        Seq<Frame> sent = frames("burst", 5);

        Seq<Delivery> outcomes = sent.map(publisher::publish);

        assertEquals(List.of(Delivery.BACKLOGGED, Delivery.BACKLOGGED, Delivery.BACKLOGGED, Delivery.DROPPED,
                Delivery.DROPPED), outcomes);
        try (Reader reader = connect(publisher)) {
            assertEquals(sent.take(3).map(Frame::text), reader.read(5, Duration.ofSeconds(2)));
        }
    }

    @Test
    void givenTwoReaders_publish_givesEachEveryFrameFromWhenItConnected() throws Exception {
        FramePublisher publisher = publisher(10);
        try (Reader first = connect(publisher)) {
            publisher.publish(frame("one"));
            try (Reader second = connect(publisher)) {
                publisher.publish(frame("two"));

                assertEquals(List.of(frame("one").text(), frame("two").text()), first.read(2, Duration.ofSeconds(10)));
                assertEquals(List.of(frame("two").text()), second.read(2, Duration.ofSeconds(1)));
            }
        }
    }
}
