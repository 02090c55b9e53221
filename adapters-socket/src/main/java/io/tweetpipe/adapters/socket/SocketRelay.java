package io.tweetpipe.adapters.socket;

import io.tweetpipe.application.port.out.FramePublisher;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.Frame;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.io.IOException;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The relay's server side: a TCP server that hands every published frame to each connected reader.
 *
 * <p>The policy is {@code InMemoryFramePublisher}'s, over real sockets. Each reader gets every frame published from
 * when it connects, through its own bounded buffer and writer thread, so {@link #publish} never waits for a socket:
 * a reader whose buffer is full misses that frame (counted, and logged once per interval). With no reader connected,
 * frames wait in a bounded backlog, which the next reader to connect receives first, in order; when the backlog is
 * full the new frame is dropped. {@code SENT} means at least one reader took the frame.
 *
 * <p>A reader that reconnects (Spark's receiver retries every 2 s) should lose nothing that fits in the backlog. Frames
 * queued for a reader but not yet written when it hangs up are therefore put back at the head of the backlog if it
 * was the last reader, and the next reader receives them first. Frames already handed to the socket cannot be taken
 * back: those in the kernel's buffers or in the chunk being written when the reader went away are lost (counted when
 * a write fails), so delivery across the socket is at most once, never duplicated. With other readers still
 * connected nothing is put back: the frames reached them, and the backlog only serves a relay with no reader.
 *
 * <p>Clients that send bytes are read and ignored; one more than {@link RelaySettings#maxClients()} is closed at once
 * and counted. A client that stops reading is hung up on once a write to it has been blocked for
 * {@link RelaySettings#stallTimeout()}, and counted, so that it does not hold its place and its buffer for ever; what
 * it had not been sent is put back as for any client that goes away. Thread-safe: any thread may publish.
 */
public final class SocketRelay implements FramePublisher, AutoCloseable {

    private static final Duration WARNING_INTERVAL = Duration.ofSeconds(10);
    /**
     * What the kernel may hold for one client. Frames in it are lost if the client hangs up, whereas frames still in
     * its outbox go back to the backlog; Linux would grow this to 4 MB on its own. Measured on loopback, 256 KiB
     * delivers as fast as the kernel's default.
     */
    private static final int SEND_BUFFER_BYTES = 256 * 1024;

    private final RelaySettings settings;
    private final ServerSocket server;
    private final Logger log;
    private final Thread acceptor;
    private final Thread watchdog;

    // Guards the client list, the backlog and the counters below: a client connecting, leaving and a publish are
    // atomic with respect to each other, which is what keeps the backlog's order and the "every frame from when it
    // connects" promise. Each reader's outbox shares it, so a publish takes one lock for every reader. Held briefly:
    // publish encodes under it but never does I/O.
    private final ReentrantLock lock = new ReentrantLock();
    private final List<ClientConnection> clients = new ArrayList<>();
    private final Outbox.Encoded encoded = new Outbox.Encoded();
    private ArrayDeque<byte[]> backlog = new ArrayDeque<>();
    private long backlogBytes;
    private boolean closed;
    private long published;
    private long sent;
    private long backlogged;
    private long droppedEveryClientFull;
    private long droppedClosed;
    private long discardedOnClose;
    private long clientsStalled;
    private long clientMisses;
    private long salvaged;
    private long lostUntaken;
    private long clientsServed;

    private final LongAdder lostInFlight = new LongAdder();
    private final LongAdder bytesWritten = new LongAdder();
    private final LongAdder bytesIgnored = new LongAdder();
    private final RateLimitedWarning backlogFull;
    private final RateLimitedWarning oversized;
    private final RateLimitedWarning refused;

    private SocketRelay(RelaySettings settings, ServerSocket server, Logger log) {
        this.settings = settings;
        this.server = server;
        this.log = log;
        this.backlogFull = warning("the backlog is full (" + settings.backlogFrames() + " frames, "
                + settings.backlogBytes() + " bytes) and no client is connected: new frames are dropped");
        this.oversized = warning("a frame longer than the cap of " + settings.maxFrameBytes()
                + " bytes was dropped");
        this.refused = warning("a client was refused: " + settings.maxClients() + " clients are connected already");
        this.acceptor = new Thread(this::accept, "relay-accept " + server.getLocalSocketAddress());
        acceptor.setDaemon(true);
        this.watchdog = new Thread(this::watchForStalls, "relay-watchdog " + server.getLocalSocketAddress());
        watchdog.setDaemon(true);
    }

    /**
     * Listens as the settings say and starts accepting readers. A host that cannot be resolved or bound, or a port in
     * use, is a rejection the user can act on.
     */
    public static Either<Rejection, SocketRelay> open(RelaySettings settings) {
        return open(settings, System.getLogger(SocketRelay.class.getName()));
    }

    static Either<Rejection, SocketRelay> open(RelaySettings settings, Logger log) {
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(log, "log");
        return Try.of(() -> InetAddress.getByName(settings.host()))
                .toEither()
                .mapLeft(e -> Rejection.of("relay", "cannot resolve the host " + settings.host() + ": " + e))
                .flatMap(address -> listen(address, settings.port()))
                .map(server -> {
                    SocketRelay relay = new SocketRelay(settings, server, log);
                    relay.acceptor.start();
                    relay.watchdog.start();
                    log.log(Level.INFO, "relay listening on " + address(server));
                    exposureWarning(server.getInetAddress()).forEach(warning -> log.log(Level.WARNING, warning));
                    return relay;
                });
    }

    /** What to warn about when the relay listens beyond this machine: anyone who can reach it reads the stream. */
    static Option<String> exposureWarning(InetAddress address) {
        if (address.isLoopbackAddress()) {
            return Option.none();
        }
        return Option.some("the relay listens on " + address.getHostAddress() + ", not on loopback: any host that "
                + "can reach this address can read the stream; bind to 127.0.0.1 unless this is deliberate");
    }

    private static Either<Rejection, ServerSocket> listen(InetAddress address, int port) {
        ServerSocket server = null;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(address, port), 64);
            return Either.right(server);
        } catch (IOException e) {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException ignored) {
                    // It never listened; there is nothing to release.
                }
            }
            String where = address.getHostAddress() + ":" + port;
            String hint = String.valueOf(e.getMessage()).contains("in use")
                    ? "the port is in use (another relay?); stop it or choose another port"
                    : "is " + address.getHostAddress() + " an address of this machine?";
            return Either.left(Rejection.of("relay", "cannot listen on " + where + " (" + e.getMessage() + "): "
                    + hint));
        }
    }

    /** The port the relay listens on: the one asked for, or the one the system picked for port 0. */
    public int port() {
        return server.getLocalPort();
    }

    /** The address and port the relay listens on. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) server.getLocalSocketAddress();
    }

    /** Readers connected now. */
    public int clients() {
        lock.lock();
        try {
            return clients.size();
        } finally {
            lock.unlock();
        }
    }

    /** Whether the relay still accepts frames and readers: true until {@link #close()} begins. */
    public boolean isOpen() {
        lock.lock();
        try {
            return !closed;
        } finally {
            lock.unlock();
        }
    }

    public RelayStats stats() {
        lock.lock();
        try {
            long buffered = backlogBytes;
            for (ClientConnection client : clients) {
                buffered += client.outbox().bytes();
            }
            return new RelayStats(published, sent, backlogged, backlogFull.count(), droppedEveryClientFull,
                    oversized.count(), droppedClosed, discardedOnClose, clientMisses, salvaged,
                    lostUntaken + lostInFlight.sum(), clientsServed, refused.count(), clientsStalled,
                    bytesWritten.sum(), bytesIgnored.sum(), clients.size(), backlog.size(), buffered);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Delivery publish(Frame frame) {
        lock.lock();
        try {
            published++;
            if (closed) {
                droppedClosed++;
                return Delivery.DROPPED;
            }
            if (frame.maxEncodedLength() > settings.maxFrameBytes() && frame.encodedLength() > settings.maxFrameBytes()) {
                oversized.occurred();
                return Delivery.DROPPED;
            }
            if (clients.isEmpty()) {
                return backlog(frame.bytes());
            }
            // Encoded once, straight into the first reader's outbox, and copied into the others'. Under the lock, so
            // publishers encode one at a time: the relay has one source.
            encoded.reset();
            boolean taken = false;
            for (int i = 0; i < clients.size(); i++) {
                ClientConnection client = clients.get(i);
                if (client.outbox().offer(frame, encoded)) {
                    taken = true;
                } else {
                    clientMisses++;
                    client.missed();
                }
            }
            if (taken) {
                sent++;
                return Delivery.SENT;
            }
            droppedEveryClientFull++;
            return Delivery.DROPPED;
        } finally {
            lock.unlock();
        }
    }

    private Delivery backlog(byte[] bytes) {
        if (!fitsBacklog(bytes)) {
            backlogFull.occurred();
            return Delivery.DROPPED;
        }
        backlog.addLast(bytes);
        backlogBytes += bytes.length;
        backlogged++;
        return Delivery.BACKLOGGED;
    }

    private boolean fitsBacklog(byte[] bytes) {
        return backlog.size() < settings.backlogFrames() && backlogBytes + bytes.length <= settings.backlogBytes();
    }

    /**
     * Stops accepting, then gives each reader up to {@link RelaySettings#closeGrace()} to receive what it was already
     * handed and hang up, then closes every connection. The backlog, if no reader came for it, is discarded and
     * logged.
     */
    @Override
    public void close() {
        List<ClientConnection> leaving;
        int discarded;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            leaving = new ArrayList<>(clients);
            discarded = backlog.size();
            discardedOnClose += discarded;
            backlog = new ArrayDeque<>();
            backlogBytes = 0;
        } finally {
            lock.unlock();
        }
        try {
            server.close();
        } catch (IOException e) {
            log.log(Level.WARNING, "closing the relay's listening socket failed: " + e);
        }
        watchdog.interrupt();
        leaving.forEach(client -> client.outbox().finish());
        long deadline = System.nanoTime() + settings.closeGrace().toNanos();
        boolean interrupted = false;
        try {
            for (ClientConnection client : leaving) {
                // The writer ends the stream once everything is sent; a reader then hangs up by itself.
                if (client.awaitWriter(deadline)) {
                    client.awaitHangUp(deadline);
                }
            }
            acceptor.join(TimeUnit.SECONDS.toMillis(1));
        } catch (InterruptedException e) {
            interrupted = true;
        }
        for (ClientConnection client : leaving) {
            departed(client, "the relay closed");
        }
        if (discarded > 0) {
            log.log(Level.WARNING, "relay closed with " + discarded + " frames in the backlog that no client came for");
        }
        // The program that runs the relay sums it up for a person; the whole count is for whoever asks for it.
        log.log(Level.DEBUG, "relay on " + address(server) + " closed: " + stats());
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void accept() {
        while (true) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!isOpen() || server.isClosed()) {
                    return;
                }
                // Out of file descriptors, say: wait a moment rather than spin on the same failure.
                log.log(Level.WARNING, "accepting a client failed: " + e);
                try {
                    Thread.sleep(100);
                } catch (InterruptedException interrupted) {
                    return;
                }
                continue;
            }
            admit(socket);
        }
    }

    private void admit(Socket socket) {
        String name = String.valueOf(socket.getRemoteSocketAddress());
        try {
            // Frames are batched before each write, so Nagle's delay would only add latency at low rates.
            socket.setTcpNoDelay(true);
            socket.setKeepAlive(true);
            socket.setSendBufferSize(SEND_BUFFER_BYTES);
        } catch (IOException e) {
            log.log(Level.WARNING, "configuring client " + name + " failed: " + e);
        }
        ClientConnection client = null;
        int handedOver = 0;
        lock.lock();
        try {
            if (closed) {
                closeQuietly(socket);
                return;
            }
            if (clients.size() >= settings.maxClients()) {
                refused.occurred();
            } else {
                Outbox outbox = new Outbox(settings.clientBufferBytes(), backlog, backlogBytes, lock,
                        Outbox.LINGER_NANOS);
                handedOver = backlog.size();
                backlog = new ArrayDeque<>();
                backlogBytes = 0;
                client = new ClientConnection(socket, outbox, this, warning("client " + name
                        + " reads too slowly: its buffer of " + settings.clientBufferBytes()
                        + " bytes is full and it misses frames"), log);
                clients.add(client);
                clientsServed++;
            }
        } finally {
            lock.unlock();
        }
        if (client == null) {
            closeQuietly(socket);
            return;
        }
        client.start();
        log.log(Level.INFO, "client " + name + " connected (" + clients() + " of " + settings.maxClients()
                + ")" + (handedOver > 0 ? "; it receives the backlog of " + handedOver + " frames first" : ""));
    }

    /**
     * Hangs up on every client whose write has been blocked for longer than the stall timeout, until the relay
     * closes (its close waits for stalled clients within its own grace).
     */
    private void watchForStalls() {
        long timeout = settings.stallTimeout().toNanos();
        long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(10), Math.min(timeout / 4, TimeUnit.SECONDS.toNanos(1)));
        while (true) {
            List<ClientConnection> current;
            lock.lock();
            try {
                if (closed) {
                    return;
                }
                current = new ArrayList<>(clients);
            } finally {
                lock.unlock();
            }
            long now = System.nanoTime();
            for (ClientConnection client : current) {
                if (client.stalled(now, timeout)) {
                    departed(client, "it stopped reading: a write to it was blocked for more than "
                            + settings.stallTimeout().toMillis() + " ms", true);
                }
            }
            try {
                TimeUnit.NANOSECONDS.sleep(tick);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /**
     * Removes a client that hung up, failed or is being closed, once, whoever notices first. If it was the last
     * client, the frames it had not been sent yet go back to the backlog (see the class comment).
     */
    void departed(ClientConnection client, String why) {
        departed(client, why, false);
    }

    private void departed(ClientConnection client, String why, boolean stalled) {
        if (!client.markGone()) {
            return;
        }
        int putBack = 0;
        int lost;
        lock.lock();
        try {
            if (stalled) {
                clientsStalled++;
            }
            clients.remove(client);
            List<byte[]> untaken = client.outbox().abandon();
            if (clients.isEmpty() && !closed) {
                // The backlog is empty here: the last reader to connect took it over, and nothing is backlogged
                // while a reader is connected. So the put-back frames are the oldest, and go first.
                for (byte[] frame : untaken) {
                    if (!fitsBacklog(frame)) {
                        break;
                    }
                    backlog.addLast(frame);
                    backlogBytes += frame.length;
                    putBack++;
                }
            }
            lost = untaken.size() - putBack;
            salvaged += putBack;
            lostUntaken += lost;
        } finally {
            lock.unlock();
        }
        client.closeSocket();
        log.log(stalled ? Level.WARNING : Level.INFO, "client " + client.name() + " disconnected (" + why + "): "
                + client.framesWritten()
                + " frames written, " + client.missedCount() + " missed while its buffer was full"
                + (putBack > 0 ? ", " + putBack + " not yet sent put back in the backlog" : "")
                + (lost > 0 ? ", " + lost + " not yet sent lost" : ""));
    }

    void lostInFlight(int frames) {
        lostInFlight.add(frames);
    }

    void wrote(int bytes) {
        bytesWritten.add(bytes);
    }

    void ignored(int bytes) {
        bytesIgnored.add(bytes);
    }

    private RateLimitedWarning warning(String what) {
        return new RateLimitedWarning(log, what, WARNING_INTERVAL, System::nanoTime);
    }

    private static String address(ServerSocket server) {
        return server.getInetAddress().getHostAddress() + ":" + server.getLocalPort();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // A refused client: nothing more to do with it.
        }
    }
}
