package io.tweetpipe.adapters.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.framing.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private final ReentrantLock lock = new ReentrantLock();

    /** A frame of {@code length} bytes on the wire whose first byte is {@code tag}. */
    private static Frame frame(int length, char tag) {
        return Frame.of(tag + "x".repeat(length - 7)).get();
    }

    private Outbox empty(long capacity) {
        return new Outbox(capacity, new ArrayDeque<>(), 0, lock, Outbox.LINGER_NANOS);
    }

    /** As the relay offers: under its lock, a fresh {@link Outbox.Encoded} per frame. */
    private boolean offer(Outbox outbox, Frame frame) {
        lock.lock();
        try {
            return outbox.offer(frame, new Outbox.Encoded());
        } finally {
            lock.unlock();
        }
    }

    private static List<byte[]> framesOf(Outbox.Chunk chunk) {
        List<byte[]> frames = new ArrayList<>();
        chunk.splitInto(frames);
        return frames;
    }

    @Test
    void givenFullOutbox_offer_refusesWithoutWaiting() {
        Outbox outbox = empty(100);

        assertTrue(offer(outbox, frame(60, 'a')));
        assertTrue(offer(outbox, frame(40, 'b')));
        assertFalse(offer(outbox, frame(8, 'c')));
        assertEquals(100, outbox.bytes());
    }

    @Test
    void givenHandedOverBacklogLargerThanTheCap_offer_stillTakesNewFramesUpToTheCap() {
        ArrayDeque<byte[]> backlog = new ArrayDeque<>(List.of(frame(300, 'a').bytes()));
        Outbox outbox = new Outbox(100, backlog, 300, lock, Outbox.LINGER_NANOS);

        assertTrue(offer(outbox, frame(100, 'b')), "the backlog does not eat the client's own buffer");
        assertFalse(offer(outbox, frame(8, 'c')));
    }

    @Test
    void givenHandedOverBacklogWritten_offer_isBackToTheCap() throws Exception {
        Outbox outbox = new Outbox(100, new ArrayDeque<>(List.of(frame(300, 'a').bytes())), 300, lock,
                Outbox.LINGER_NANOS);

        assertEquals(300, outbox.take(null).length);

        assertTrue(offer(outbox, frame(100, 'b')));
        assertFalse(offer(outbox, frame(8, 'c')));
    }

    @Test
    void givenWaitingFrames_take_givesThemInOrderAChunkAtATimeWithTheirCount() throws Exception {
        Outbox outbox = empty(1 << 20);
        int perChunk = Outbox.CHUNK_BYTES / 1_000;
        int offered = perChunk + 3;
        for (int i = 0; i < offered; i++) {
            assertTrue(offer(outbox, frame(1_000, (char) ('a' + i % 26))));
        }

        Outbox.Chunk first = outbox.take(null);
        assertEquals(perChunk, first.frames, "the first chunk is full");
        assertEquals(perChunk * 1_000, first.length);
        List<byte[]> frames = framesOf(first);
        Outbox.Chunk second = outbox.take(first);
        frames.addAll(framesOf(second));

        assertEquals(offered, frames.size());
        for (int i = 0; i < offered; i++) {
            assertArrayEquals(frame(1_000, (char) ('a' + i % 26)).bytes(), frames.get(i));
        }
        assertEquals(0, outbox.bytes());
    }

    @Test
    void givenFrameLongerThanAChunk_offer_givesItAChunkOfItsOwn() throws Exception {
        Outbox outbox = empty(1 << 20);
        Frame small = frame(10, 'a');
        Frame large = frame(Outbox.CHUNK_BYTES * 2, 'b');

        assertTrue(offer(outbox, small));
        assertTrue(offer(outbox, large));

        assertArrayEquals(small.bytes(), Arrays.copyOf(outbox.take(null).bytes, 10));
        Outbox.Chunk second = outbox.take(null);
        assertEquals(1, second.frames);
        assertArrayEquals(large.bytes(), Arrays.copyOf(second.bytes, second.length));
    }

    @Test
    void givenTwoOutboxes_offerWithOneEncoded_copiesTheFirstEncodingEvenWhenTheFirstRefused() throws Exception {
        Outbox full = empty(10);
        Outbox roomy = empty(1_000);
        Frame frame = frame(50, 'a');
        Outbox.Encoded encoded = new Outbox.Encoded();

        lock.lock();
        try {
            assertFalse(full.offer(frame, encoded));
            assertTrue(roomy.offer(frame, encoded));
        } finally {
            lock.unlock();
        }

        Outbox.Chunk chunk = roomy.take(null);
        assertEquals(1, chunk.frames);
        assertArrayEquals(frame.bytes(), Arrays.copyOf(chunk.bytes, chunk.length));
        assertEquals(0, full.bytes());
    }

    @Test
    void givenFinishedOutbox_take_givesWhatIsLeftThenStops() throws Exception {
        Outbox outbox = empty(1_000);
        offer(outbox, frame(10, 'a'));
        outbox.finish();

        assertFalse(offer(outbox, frame(10, 'b')));
        Outbox.Chunk left = outbox.take(null);
        assertEquals(1, left.frames);
        assertNull(outbox.take(left));
        assertTrue(outbox.finishing());
    }

    @Test
    void givenAbandonedOutbox_abandon_returnsTheUntakenFramesOldestFirstAndStopsTheWriter() throws Exception {
        Outbox outbox = empty(1 << 20);
        List<byte[]> offered = new ArrayList<>();
        for (int i = 0; i < 200; i++) {  // three chunks and more
            Frame frame = frame(1_000, (char) ('a' + i % 26));
            offer(outbox, frame);
            offered.add(frame.bytes());
        }

        List<byte[]> untaken = outbox.abandon();

        assertEquals(offered.size(), untaken.size());
        for (int i = 0; i < offered.size(); i++) {
            assertArrayEquals(offered.get(i), untaken.get(i));
        }
        assertNull(outbox.take(null));
        assertFalse(offer(outbox, frame(10, 'z')));
        assertFalse(outbox.finishing());
    }

    @Test
    void givenWriterAsleep_offer_wakesIt() throws Exception {
        Outbox outbox = empty(1_000);
        int[] taken = new int[1];
        Thread writer = new Thread(() -> {
            try {
                taken[0] = outbox.take(null).frames;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        Waiting.until(() -> writer.getState() == Thread.State.WAITING, java.time.Duration.ofSeconds(10),
                "the writer to sleep");

        offer(outbox, frame(10, 'a'));
        writer.join(10_000);

        assertFalse(writer.isAlive(), "the writer woke up");
        assertEquals(1, taken[0]);
    }
}
