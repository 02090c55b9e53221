package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.WireFormat;
import io.vavr.collection.List;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The receiver's reading loop on a real loopback socket, without Spark. */
class FrameReadingTest {

    private static final long GUARD_SECONDS = 30;

    private final ExecutorService thread = Executors.newSingleThreadExecutor();
    private final java.util.List<java.util.List<String>> blocks = Collections.synchronizedList(new ArrayList<>());
    private final LoopbackRelay relay;
    private final FrameReading reading;

    FrameReadingTest() throws IOException {
        relay = new LoopbackRelay();
        reading = new FrameReading("127.0.0.1", relay.port(), 1000,
                FrameReading.Limits.standard(Duration.ofMillis(100)), block -> blocks.add(frameTexts(block)));
    }

    @AfterEach
    void close() throws IOException {
        reading.abort();
        thread.shutdownNow();
        relay.close();
    }

    private Future<FrameReading.Ending> read() {
        return thread.submit(reading::run);
    }

    private List<String> stored() {
        synchronized (blocks) {
            return List.ofAll(blocks).flatMap(List::ofAll);
        }
    }

    private FrameReading.Ending stopAndWait(Future<FrameReading.Ending> running) throws Exception {
        reading.requestStop();
        return running.get(GUARD_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void givenTheOriginalRelaysBytes_read_cutsOnTheMarkerAlone() throws Exception {
        Future<FrameReading.Ending> running = read();
        relay.send("Short Tweet__endAn Extended Tweet,\nIn Full __endLast__end".getBytes(StandardCharsets.UTF_8));

        assertInstanceOf(FrameReading.Ending.Stopped.class, stopAndWait(running));
        assertEquals(List.of("Short Tweet", "An Extended Tweet,\nIn Full ", "Last"), stored());
    }

    @Test
    void givenOurFraming_read_storesEachFrameWithItsLeadingNewline() throws Exception {
        Future<FrameReading.Ending> running = read();
        relay.send((Frame.of("one __end inside").get().text() + Frame.of("two").get().text())
                .getBytes(StandardCharsets.UTF_8));

        stopAndWait(running);
        assertEquals(List.of("one _\\_end inside", "\ntwo"), stored(), "unescaping is preprocessing's job");
    }

    @Test
    void givenBlankFrames_read_storesNone() throws Exception {
        Future<FrameReading.Ending> running = read();
        relay.send("a__end__end \n\t__endb__end\n".getBytes(StandardCharsets.UTF_8));

        stopAndWait(running);
        assertEquals(List.of("a", "b"), stored());
    }

    @Test
    void givenALongBlockInterval_read_storesTheFirstBlockAtOnceAndHoldsTheNextForTheInterval() throws Exception {
        FrameReading slow = new FrameReading("127.0.0.1", relay.port(), 1000,
                FrameReading.Limits.standard(Duration.ofMinutes(1)), block -> blocks.add(frameTexts(block)));
        Future<FrameReading.Ending> running = thread.submit(slow::run);
        relay.send("first__end".getBytes(StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (blocks.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(List.of("first"), stored(), "the first block, long before its interval");

        relay.send("second__end".getBytes(StandardCharsets.UTF_8));
        Thread.sleep(300);  // time to read it: it waits for its block's interval, or for the stop
        assertEquals(1, blocks.size(), "the next block waits: " + blocks);

        slow.requestStop();
        running.get(GUARD_SECONDS, TimeUnit.SECONDS);
        assertEquals(List.of("first", "second"), stored());
    }

    @Test
    void givenThousandsOfFramesAtOnce_read_storesThemInBlocksNotOneByOne() throws Exception {
        Future<FrameReading.Ending> running = read();
        relay.send(List.range(0, 5000).map(i -> "tweet " + i + "__end").mkString().getBytes(StandardCharsets.UTF_8));

        stopAndWait(running);
        assertEquals(List.range(0, 5000).map(i -> "tweet " + i), stored());
        assertTrue(blocks.size() <= 50, () -> blocks.size() + " blocks for 5000 frames");
        assertEquals(blocks.size(), reading.blocksStored());
    }

    @Test
    void givenALineOverTheCap_read_skipsAndCountsItAndKeepsItsNeighbours() throws Exception {
        Future<FrameReading.Ending> running = read();
        relay.send(("before__end" + "x".repeat(5000) + "__endafter__end").getBytes(StandardCharsets.UTF_8));

        stopAndWait(running);
        assertEquals(List.of("before", "after"), stored());
        assertEquals(1, reading.refused());
    }

    @Test
    void givenTheRelayClosesMidRecord_read_endsAsLostKeepsWholeRecordsAndCountsTheCutOne() throws Exception {
        Future<FrameReading.Ending> running = read();
        relay.send("whole__endcut sh".getBytes(StandardCharsets.UTF_8));
        relay.dropClient();

        FrameReading.Ending ending = running.get(GUARD_SECONDS, TimeUnit.SECONDS);
        assertInstanceOf(FrameReading.Ending.Lost.class, ending);
        assertTrue(((FrameReading.Ending.Lost) ending).why().contains("closed the connection"), ending::toString);
        assertEquals(List.of("whole"), stored());
        assertEquals(1, reading.refused());
    }

    @Test
    void givenNoRelayListening_read_endsAsLostSoSparkRetries() throws Exception {
        int closedPort;
        try (ServerSocket gone = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = gone.getLocalPort();
        }
        FrameReading nowhere = new FrameReading("127.0.0.1", closedPort, 1000,
                FrameReading.Limits.standard(Duration.ofMillis(100)), block -> blocks.add(frameTexts(block)));

        FrameReading.Ending ending = thread.submit(nowhere::run).get(GUARD_SECONDS, TimeUnit.SECONDS);

        assertInstanceOf(FrameReading.Ending.Lost.class, ending);
        assertTrue(((FrameReading.Ending.Lost) ending).why().contains("cannot read the relay at 127.0.0.1:"),
                ending::toString);
    }

    /** Not a stop's hand-over: the frames come through the limit, held back and released in order. */
    @Test
    void givenARateLimit_read_handsOnEveryFrameInOrderWithoutAStop() throws Exception {
        FrameReading paced = new FrameReading("127.0.0.1", relay.port(), 1000,
                FrameReading.Limits.standard(Duration.ofMillis(100)), block -> blocks.add(frameTexts(block)),
                new FrameRate(() -> 5_000));
        Future<FrameReading.Ending> running = thread.submit(paced::run);
        relay.send(List.range(0, 1000).map(i -> "paced " + i + "__end").mkString().getBytes(StandardCharsets.UTF_8));

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(GUARD_SECONDS);
        while (stored().size() < 1000 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(List.range(0, 1000).map(i -> "paced " + i), stored());
        assertTrue(blocks.size() >= 2, () -> blocks.size() + " blocks: 1000 frames at 5000/s take 200 ms");
        paced.requestStop();
        running.get(GUARD_SECONDS, TimeUnit.SECONDS);
    }

    @Test
    void givenBytesAlreadySent_stop_storesEveryRecordInThemBeforeReturning() throws Exception {
        Future<FrameReading.Ending> running = read();
        for (int i = 0; i < 100; i++) {
            relay.send(("record " + i + "__end").getBytes(StandardCharsets.UTF_8));
        }

        assertInstanceOf(FrameReading.Ending.Stopped.class, stopAndWait(running));
        assertEquals(List.range(0, 100).map(i -> "record " + i), stored());
    }

    /** A block's frames, decoded: what preprocessing will cut its chunks into. */
    private static java.util.List<String> frameTexts(FrameReading.Block block) {
        java.util.List<String> texts = new ArrayList<>(block.frames());
        for (byte[] chunk : block.chunks()) {
            String text = new String(chunk, StandardCharsets.UTF_8);
            int start = 0;
            for (int at = text.indexOf(WireFormat.MARKER); at >= 0; at = text.indexOf(WireFormat.MARKER, start)) {
                texts.add(text.substring(start, at));
                start = at + WireFormat.MARKER.length();
            }
        }
        return texts;
    }
}
