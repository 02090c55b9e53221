package io.tweetpipe.adapters.socket;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutboxTest {

    private static byte[] bytes(int length, int tag) {
        byte[] frame = new byte[length];
        frame[0] = (byte) tag;
        return frame;
    }

    private static Outbox empty(long capacity) {
        return new Outbox(capacity, new ArrayDeque<>(), 0);
    }

    @Test
    void givenFullOutbox_offer_refusesWithoutWaiting() {
        Outbox outbox = empty(100);

        assertTrue(outbox.offer(bytes(60, 1)));
        assertTrue(outbox.offer(bytes(40, 2)));
        assertFalse(outbox.offer(bytes(1, 3)));
        assertEquals(100, outbox.bytes());
    }

    @Test
    void givenHandedOverBacklogLargerThanTheCap_offer_stillTakesNewFramesUpToTheCap() {
        ArrayDeque<byte[]> backlog = new ArrayDeque<>(List.of(bytes(300, 1)));
        Outbox outbox = new Outbox(100, backlog, 300);

        assertTrue(outbox.offer(bytes(100, 2)), "the backlog does not eat the client's own buffer");
        assertFalse(outbox.offer(bytes(1, 3)));
    }

    @Test
    void givenHandedOverBacklogWritten_offer_isBackToTheCap() throws Exception {
        Outbox outbox = new Outbox(100, new ArrayDeque<>(List.of(bytes(300, 1))), 300);
        byte[][] batch = new byte[8][];

        assertEquals(1, outbox.poll(batch, 1_000, false));

        assertTrue(outbox.offer(bytes(100, 2)));
        assertFalse(outbox.offer(bytes(1, 3)));
    }

    @Test
    void givenWaitingFrames_poll_takesThemInOrderWithinTheByteLimitButAtLeastOne() throws Exception {
        Outbox outbox = empty(10_000);
        for (int i = 1; i <= 4; i++) {
            outbox.offer(bytes(40, i));
        }
        outbox.offer(bytes(500, 5));
        byte[][] batch = new byte[8][];

        assertEquals(2, outbox.poll(batch, 100, true));
        assertEquals(1, batch[0][0]);
        assertEquals(2, batch[1][0]);
        assertEquals(2, outbox.poll(batch, 100, true));
        assertEquals(1, outbox.poll(batch, 100, true));
        assertEquals(5, batch[0][0]);
        assertEquals(0, outbox.poll(batch, 100, false));
    }

    @Test
    void givenFinishedOutbox_poll_returnsWhatIsLeftThenStops() throws Exception {
        Outbox outbox = empty(1_000);
        outbox.offer(bytes(10, 1));
        outbox.finish();
        byte[][] batch = new byte[8][];

        assertFalse(outbox.offer(bytes(10, 2)));
        assertEquals(1, outbox.poll(batch, 100, true));
        assertEquals(Outbox.STOP, outbox.poll(batch, 100, true));
        assertTrue(outbox.finishing());
    }

    @Test
    void givenAbandonedOutbox_abandon_returnsTheUntakenFramesOldestFirstAndStopsTheWriter() throws Exception {
        Outbox outbox = empty(1_000);
        byte[] first = bytes(10, 1);
        byte[] second = bytes(10, 2);
        outbox.offer(first);
        outbox.offer(second);

        List<byte[]> untaken = outbox.abandon();

        assertEquals(2, untaken.size());
        assertArrayEquals(first, untaken.get(0));
        assertArrayEquals(second, untaken.get(1));
        assertEquals(Outbox.STOP, outbox.poll(new byte[8][], 100, true));
        assertFalse(outbox.offer(bytes(10, 3)));
        assertFalse(outbox.finishing());
    }

    @Test
    void givenWriterAsleep_offer_wakesIt() throws Exception {
        Outbox outbox = empty(1_000);
        byte[][] batch = new byte[8][];
        int[] taken = new int[1];
        Thread writer = new Thread(() -> {
            try {
                taken[0] = outbox.poll(batch, 100, true);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        writer.start();
        Waiting.until(() -> writer.getState() == Thread.State.WAITING, java.time.Duration.ofSeconds(10),
                "the writer to sleep");

        outbox.offer(bytes(10, 1));
        writer.join(10_000);

        assertFalse(writer.isAlive(), "the writer woke up");
        assertEquals(1, taken[0]);
    }
}
