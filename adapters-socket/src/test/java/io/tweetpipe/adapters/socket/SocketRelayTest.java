package io.tweetpipe.adapters.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.port.out.FramePublisher.Delivery;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.Frame;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The relay over real loopback sockets: several readers, a stalled one, one that reconnects, caps and shutdown. */
class SocketRelayTest {

    /** Generous guards: a loaded machine is slow, never wrong. */
    private static final Duration GUARD = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofMillis(200);

    private final java.util.List<AutoCloseable> opened = new ArrayList<>();

    private static RelaySettings.Builder settings() {
        return RelaySettings.listeningOn("127.0.0.1", 0).closeGrace(Duration.ofSeconds(5));
    }

    private SocketRelay open(RelaySettings.Builder settings) {
        SocketRelay relay = SocketRelay.open(settings.build()).getOrElseThrow(rejection ->
                new AssertionError(rejection.toString()));
        opened.add(relay);
        return relay;
    }

    private FrameReader reader(SocketRelay relay) throws Exception {
        FrameReader reader = FrameReader.connect(relay);
        opened.add(0, reader);
        return reader;
    }

    /** A client that connects and never reads, with a small socket buffer so that little hides in the kernel. */
    private Socket stalledClient(SocketRelay relay) throws Exception {
        long served = relay.stats().clientsServed();
        Socket socket = new Socket();
        socket.setReceiveBufferSize(4096);
        socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), relay.port()));
        opened.add(0, socket);
        Waiting.until(() -> relay.stats().clientsServed() > served, GUARD, "the relay to count the stalled client");
        return socket;
    }

    /** Guarded, so that a relay wedged by a failed test fails the teardown too rather than hang the build. */
    @AfterEach
    void closeEverything() {
        for (AutoCloseable closeable : opened) {
            assertTimeoutPreemptively(GUARD, closeable::close);
        }
    }

    /** Frames numbered from {@code from}, each padded to about {@code size} bytes. */
    private static Seq<Frame> frames(String prefix, int from, int count, int size) {
        String padding = "x".repeat(Math.max(0, size - prefix.length() - 20));
        return List.range(from, from + count).map(i -> Frame.of(prefix + " " + i + " " + padding).get());
    }

    private static Seq<Delivery> publishAll(SocketRelay relay, Seq<Frame> frames) {
        java.util.List<Delivery> outcomes = new ArrayList<>(frames.size());
        for (Frame frame : frames) {
            outcomes.add(relay.publish(frame));
        }
        return List.ofAll(outcomes);
    }

    private static Seq<String> texts(Seq<Frame> frames) {
        return frames.map(Frame::text);
    }

    @Test
    void givenThreeReaders_publish_deliversEveryFrameToEachInOrder() throws Exception {
        SocketRelay relay = open(settings());
        FrameReader first = reader(relay);
        FrameReader second = reader(relay);
        FrameReader third = reader(relay);
        Seq<Frame> sent = frames("tweet", 0, 20_000, 60);

        Seq<Delivery> outcomes = publishAll(relay, sent);

        assertEquals(List.fill(20_000, Delivery.SENT), outcomes);
        assertEquals(3, relay.clients());
        for (FrameReader reader : java.util.List.of(first, second, third)) {
            assertEquals(texts(sent), reader.read(20_000, GUARD));
            assertEquals(List.empty(), reader.read(1, QUIET));
        }
    }

    @Test
    void givenStalledClient_publishingManyFrames_neverBlocksCountsItsMissesAndServesTheHealthyReader()
            throws Exception {
        int buffer = 256 * 1024;
        SocketRelay relay = open(settings().maxFrameBytes(4096).clientBufferBytes(buffer));
        stalledClient(relay);
        FrameReader healthy = reader(relay);
        Seq<Frame> sent = frames("flood", 0, 200_000, 100);

        // The healthy reader is waited for between rounds, rounds smaller than its buffer, so that only the stalled
        // client can miss anything. The guard fails the test if publish ever blocks on the stalled client.
        Seq<Delivery> outcomes = assertTimeoutPreemptively(GUARD, () -> {
            java.util.List<Delivery> all = new ArrayList<>();
            for (Seq<Frame> round : sent.grouped(1_000)) {
                all.addAll(publishAll(relay, round).asJava());
                healthy.awaitReceived(all.size(), GUARD);
            }
            return List.ofAll(all);
        });

        assertEquals(List.fill(200_000, Delivery.SENT), outcomes);
        assertEquals(texts(sent), healthy.read(200_000, GUARD));
        RelayStats stats = relay.stats();
        assertTrue(stats.clientMisses() > 100_000, "the stalled client's misses are counted: " + stats);
        assertTrue(stats.bufferedBytes() <= buffer, "memory stays bounded: " + stats);
        assertEquals(2, relay.clients());
    }

    @Test
    void givenOnlyAStalledClient_publish_dropsOnceItsBufferIsFullAndCountsEachDrop() throws Exception {
        int buffer = 64 * 1024;
        SocketRelay relay = open(settings().maxFrameBytes(4096).clientBufferBytes(buffer));
        stalledClient(relay);
        Seq<Frame> sent = frames("flood", 0, 50_000, 100);

        Seq<Delivery> outcomes = assertTimeoutPreemptively(GUARD, () -> publishAll(relay, sent));

        RelayStats stats = relay.stats();
        long dropped = outcomes.count(Delivery.DROPPED::equals);
        assertTrue(dropped > 0, "a stalled client's buffer fills up");
        assertEquals(50_000 - dropped, outcomes.count(Delivery.SENT::equals));
        assertEquals(dropped, stats.droppedEveryClientFull());
        assertEquals(dropped, stats.clientMisses());
        assertTrue(stats.bufferedBytes() <= buffer, "memory stays bounded: " + stats);
    }

    @Test
    void givenClientThatStopsReading_theRelay_hangsUpOnItAfterTheStallTimeoutAndFreesItsPlace() throws Exception {
        SocketRelay relay = open(settings().maxClients(2).maxFrameBytes(4096).clientBufferBytes(64 * 1024)
                .stallTimeout(Duration.ofMillis(300)));
        Socket stalled = stalledClient(relay);
        FrameReader healthy = reader(relay);
        java.util.List<Frame> sent = new ArrayList<>();

        // Round after round until the stalled client's writer has been blocked for the timeout; the healthy reader
        // is waited for each round, so that only the stalled client can miss anything.
        long deadline = System.nanoTime() + GUARD.toNanos();
        for (int round = 0; relay.stats().clientsStalled() == 0; round++) {
            assertTrue(System.nanoTime() < deadline, "the stalled client was never hung up on: " + relay.stats());
            Seq<Frame> frames = frames("round " + round, 0, 500, 100);
            assertEquals(List.fill(500, Delivery.SENT), publishAll(relay, frames));
            sent.addAll(frames.asJava());
            healthy.awaitReceived(sent.size(), GUARD);
        }

        Waiting.until(() -> relay.clients() == 1, GUARD, "the relay to let the stalled client go");
        assertEquals(1, relay.stats().clientsStalled());
        stalled.setSoTimeout((int) GUARD.toMillis());
        java.io.InputStream in = stalled.getInputStream();
        assertTimeoutPreemptively(GUARD, () -> {
            try {
                while (in.read(new byte[8192]) >= 0) {
                    // what the kernel held for it, then the end of the stream
                }
            } catch (java.net.SocketException reset) {
                // or a reset: either way the relay hung up
            }
        });
        try (FrameReader newcomer = FrameReader.connect(relay)) {
            assertEquals(2, relay.clients(), "the stalled client's place is free again");
        }
        assertEquals(List.ofAll(sent).map(Frame::text), healthy.read(sent.size(), GUARD));
        assertEquals(1, relay.stats().clientsStalled(), "the reading client was never taken for a stalled one");
    }

    @Test
    void givenIdleClient_withNothingToSend_isNeverTakenForAStalledOne() throws Exception {
        SocketRelay relay = open(settings().stallTimeout(Duration.ofMillis(20)));
        reader(relay);

        Thread.sleep(1_000);  // fifty stall timeouts with nothing to write: a negative, so it has to wait

        assertEquals(1, relay.clients());
        assertEquals(0, relay.stats().clientsStalled());
    }

    @Test
    void givenReaderThatReconnects_framesPublishedWhileItWasAway_reachItFromTheBacklog() throws Exception {
        SocketRelay relay = open(settings());
        Seq<Frame> before = frames("before", 0, 100, 60);
        Seq<Frame> away = frames("away", 0, 50, 60);
        Seq<Frame> after = frames("after", 0, 10, 60);
        try (FrameReader first = FrameReader.connect(relay)) {
            publishAll(relay, before);
            assertEquals(texts(before), first.read(100, GUARD));
        }
        Waiting.until(() -> relay.clients() == 0, GUARD, "the relay to notice the reader left");

        Seq<Delivery> whileAway = publishAll(relay, away);
        FrameReader second = reader(relay);
        Seq<Delivery> whileBack = publishAll(relay, after);

        assertEquals(List.fill(50, Delivery.BACKLOGGED), whileAway);
        assertEquals(List.fill(10, Delivery.SENT), whileBack);
        assertEquals(texts(away).appendAll(texts(after)), second.read(60, GUARD));
        assertEquals(List.empty(), second.read(1, QUIET));
    }

    @Test
    void givenLastReaderHangsUpWithFramesNotYetWritten_theNextReader_receivesThemFirstInOrder() throws Exception {
        // Frames queued for a reader that goes away are lost unless put back: the relay puts back what it had not
        // yet written. To have frames queued and not written, the first reader stops reading and then hangs up.
        SocketRelay relay = open(settings().clientBufferBytes(32 << 20));
        Socket first = stalledClient(relay);
        Seq<Frame> queued = frames("queued", 0, 20_000, 1_000);
        Seq<Frame> later = frames("later", 0, 100, 60);
        assertEquals(List.fill(20_000, Delivery.SENT), publishAll(relay, queued));
        assertTrue(relay.stats().bufferedBytes() > 0, "precondition: frames wait for the stalled reader");

        first.setSoLinger(true, 0);
        first.close();
        Waiting.until(() -> relay.clients() == 0, GUARD, "the relay to notice the reader left");
        Seq<Delivery> whileAway = publishAll(relay, later);
        FrameReader second = reader(relay);

        long putBack = relay.stats().salvaged();
        assertTrue(putBack > 0, "what was not yet written was put back: " + relay.stats());
        assertEquals(List.fill(100, Delivery.BACKLOGGED), whileAway);
        // Exactly the newest frames the first reader never got, in order, then what came while nobody listened.
        assertEquals(texts(queued).takeRight((int) putBack).appendAll(texts(later)),
                second.read((int) putBack + 100, GUARD));
        assertEquals(List.empty(), second.read(1, QUIET));
    }

    @Test
    void givenAsManyClientsAsTheCap_oneMore_isClosedAtOnceAndCountedWhileTheOthersAreServed() throws Exception {
        SocketRelay relay = open(settings().maxClients(2));
        FrameReader first = reader(relay);
        FrameReader second = reader(relay);

        try (Socket extra = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
            extra.setSoTimeout((int) GUARD.toMillis());
            int read = extra.getInputStream().read();

            assertEquals(-1, read, "the extra client sees the stream end at once");
        }
        assertEquals(1, relay.stats().clientsRefused());
        assertEquals(2, relay.clients());
        Frame frame = Frame.of("still served").get();
        assertEquals(Delivery.SENT, relay.publish(frame));
        assertEquals(List.of(frame.text()), first.read(1, GUARD));
        assertEquals(List.of(frame.text()), second.read(1, GUARD));
    }

    @Test
    void givenFrameOverTheCap_publish_dropsItAndItsNeighboursArriveIntact() throws Exception {
        SocketRelay relay = open(settings().maxFrameBytes(64));
        Frame small = Frame.of("small").get();
        Frame large = Frame.of("l".repeat(100)).get();
        Frame next = Frame.of("next").get();

        assertEquals(Delivery.DROPPED, relay.publish(large), "not kept in the backlog either");
        FrameReader reader = reader(relay);
        Seq<Delivery> outcomes = publishAll(relay, List.of(small, large, next));

        assertEquals(List.of(Delivery.SENT, Delivery.DROPPED, Delivery.SENT), outcomes);
        assertEquals(List.of(small.text(), next.text()), reader.read(2, GUARD));
        assertEquals(List.empty(), reader.read(1, QUIET));
        assertEquals(2, relay.stats().droppedOversized());
    }

    @Test
    void givenClientThatSendsBytes_theRelay_readsAndIgnoresThemAndStillServesIt() throws Exception {
        SocketRelay relay = open(settings());
        FrameReader reader = reader(relay);
        byte[] junk = "junk __end\n".repeat(100_000).getBytes(StandardCharsets.UTF_8);
        Seq<Frame> sent = frames("tweet", 0, 1_000, 60);

        OutputStream toRelay = reader.socket().getOutputStream();
        toRelay.write(junk);
        toRelay.flush();
        Seq<Delivery> outcomes = publishAll(relay, sent);

        assertEquals(List.fill(1_000, Delivery.SENT), outcomes);
        assertEquals(texts(sent), reader.read(1_000, GUARD));
        Waiting.until(() -> relay.stats().bytesIgnored() == junk.length, GUARD, "the relay to read the junk");
        assertEquals(1, relay.clients());
    }

    @Test
    void givenFramesNotYetWritten_close_sendsThemAllThenEndsTheStream() throws Exception {
        SocketRelay relay = open(settings().clientBufferBytes(32 << 20).closeGrace(GUARD));
        FrameReader reader = FrameReader.connectPaused(relay, 4096);
        opened.add(0, reader);
        Seq<Frame> sent = frames("last words", 0, 20_000, 1_000);
        assertEquals(List.fill(20_000, Delivery.SENT), publishAll(relay, sent));
        assertTrue(relay.stats().bufferedBytes() > 0, "precondition: frames wait to be written");

        Thread closing = new Thread(relay::close, "closing the relay");
        closing.start();
        Waiting.until(() -> !relay.isOpen(), GUARD, "close to begin");
        reader.startReading();
        closing.join(GUARD.toMillis());

        assertEquals(texts(sent), reader.read(20_000, GUARD));
        assertTrue(reader.awaitEnd(GUARD), "the relay ends the stream");
        assertEquals(0, relay.stats().lostOnDisconnect());
        assertEquals(Delivery.DROPPED, relay.publish(Frame.of("too late").get()));
    }

    @Test
    void givenStalledClient_close_givesUpAfterTheGraceAndCountsWhatItCouldNotSend() throws Exception {
        SocketRelay relay = open(settings().clientBufferBytes(32 << 20).closeGrace(Duration.ofMillis(300)));
        stalledClient(relay);
        publishAll(relay, frames("unread", 0, 20_000, 1_000));
        assertTrue(relay.stats().bufferedBytes() > 0, "precondition: frames wait for the stalled reader");

        assertTimeoutPreemptively(GUARD, relay::close);

        assertEquals(0, relay.clients());
        assertTrue(relay.stats().lostOnDisconnect() > 0, "what the stalled client never took: " + relay.stats());
        assertEquals(0, relay.stats().clientsStalled(), "the default stall timeout is far longer than this test");
    }

    @Test
    void givenFramesNoClientCameFor_close_discardsTheBacklogAndCountsIt() {
        SocketRelay relay = open(settings());
        publishAll(relay, frames("nobody", 0, 42, 60));

        relay.close();

        assertEquals(42, relay.stats().backlogged());
        assertEquals(42, relay.stats().discardedOnClose());
        assertEquals(0, relay.stats().backlogFrames());
    }

    @Test
    void givenDefaultHost_theRelay_listensOnLoopbackOnly() {
        SocketRelay relay = open(settings());

        assertTrue(relay.localAddress().getAddress().isLoopbackAddress(), relay.localAddress().toString());
        assertEquals(relay.port(), relay.localAddress().getPort());
    }

    @Test
    void givenPortInUse_open_isRejectedNotThrown() {
        SocketRelay first = open(settings());

        Either<Rejection, SocketRelay> second = SocketRelay.open(settings().port(first.port()).build());

        assertTrue(second.isLeft());
        assertTrue(second.getLeft().reason().contains("in use"), second.getLeft().toString());
    }

    @Test
    void givenAddressNotOfThisMachine_open_isRejectedNotThrown() {
        // 192.0.2.1 is reserved for documentation (TEST-NET-1): no machine has it.
        Either<Rejection, SocketRelay> relay = SocketRelay.open(settings().host("192.0.2.1").build());

        assertTrue(relay.isLeft());
        assertTrue(relay.getLeft().reason().contains("192.0.2.1"), relay.getLeft().toString());
    }

    @Test
    void givenClientConnectsAndHangsUp_theRelay_logsBothAtInfo() throws Exception {
        CapturingLogger log = new CapturingLogger();
        SocketRelay relay = SocketRelay.open(settings().build(), log).get();
        opened.add(relay);

        try (FrameReader reader = FrameReader.connect(relay)) {
            Waiting.until(() -> log.lines(System.Logger.Level.INFO).exists(line -> line.contains("connected (")),
                    GUARD, "the connection to be logged");
        }
        Waiting.until(() -> log.lines(System.Logger.Level.INFO).exists(line -> line.contains("disconnected")),
                GUARD, "the disconnection to be logged");

        assertTrue(log.lines(System.Logger.Level.INFO).exists(line -> line.contains("listening on 127.0.0.1:")));
        assertEquals(List.empty(), log.lines(System.Logger.Level.WARNING));
    }
}
