package io.tweetpipe.adapters.socket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.Socket;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One connected reader: its outbox, a writer thread that empties the outbox into the socket, and a thread that reads
 * (and throws away) whatever the reader sends, which is also how a reader that hangs up is noticed while there is
 * nothing to write to it.
 */
final class ClientConnection {

    private final Socket socket;
    private final String name;
    private final Outbox outbox;
    private final SocketRelay relay;
    private final RateLimitedWarning misses;
    private final Logger log;
    private final AtomicBoolean gone = new AtomicBoolean();
    private final AtomicLong framesWritten = new AtomicLong();
    /** When the write in progress began ({@link System#nanoTime}), or 0 when the writer is not in a write. */
    private volatile long writingSince;
    private final Thread writer;
    private final Thread drainer;

    ClientConnection(Socket socket, Outbox outbox, SocketRelay relay, RateLimitedWarning misses, Logger log) {
        this.socket = socket;
        this.name = String.valueOf(socket.getRemoteSocketAddress());
        this.outbox = outbox;
        this.relay = relay;
        this.misses = misses;
        this.log = log;
        this.writer = new Thread(this::write, "relay-writer " + name);
        this.drainer = new Thread(this::drain, "relay-drain " + name);
        writer.setDaemon(true);
        drainer.setDaemon(true);
    }

    void start() {
        writer.start();
        drainer.start();
    }

    String name() {
        return name;
    }

    Outbox outbox() {
        return outbox;
    }

    /** The client missed a frame because its outbox was full. */
    void missed() {
        misses.occurred();
    }

    long missedCount() {
        return misses.count();
    }

    long framesWritten() {
        return framesWritten.get();
    }

    /**
     * Whether one write to this client has been blocked for longer than {@code timeoutNanos}: the client stopped
     * reading and the kernel's buffers on both ends are full. A client with nothing to be sent is never stalled.
     */
    boolean stalled(long nowNanos, long timeoutNanos) {
        long since = writingSince;
        return since != 0 && nowNanos - since > timeoutNanos;
    }

    /** True for the first caller only: the one that must remove this client. */
    boolean markGone() {
        return gone.compareAndSet(false, true);
    }

    /** Waits up to the deadline for the writer to stop; true if it did. */
    boolean awaitWriter(long deadlineNanos) throws InterruptedException {
        return join(writer, deadlineNanos);
    }

    /** Waits up to the deadline for the client to hang up once it has read everything; true if it did. */
    boolean awaitHangUp(long deadlineNanos) throws InterruptedException {
        return join(drainer, deadlineNanos);
    }

    void closeSocket() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing is all that is left to do with this client; a failure to close changes nothing.
        }
    }

    private static boolean join(Thread thread, long deadlineNanos) throws InterruptedException {
        long left = deadlineNanos - System.nanoTime();
        if (left > 0) {
            TimeUnit.NANOSECONDS.timedJoin(thread, left);
        }
        return !thread.isAlive();
    }

    private void write() {
        Outbox.Chunk chunk = null;
        // Frames taken from the outbox and not yet handed to the socket: lost if the socket fails.
        int held = 0;
        try {
            OutputStream out = socket.getOutputStream();
            while ((chunk = outbox.take(chunk)) != null) {
                held = chunk.frames;
                send(out, chunk.bytes, chunk.length, chunk.frames);
                held = 0;
            }
            if (outbox.finishing()) {
                // Tell the reader the stream ended here, rather than leave it waiting.
                socket.shutdownOutput();
            }
        } catch (IOException e) {
            relay.lostInFlight(held);
            relay.departed(this, "writing failed: " + e.getMessage());
        } catch (InterruptedException e) {
            relay.lostInFlight(held);
            relay.departed(this, "its writer was interrupted");
        }
    }

    private void send(OutputStream out, byte[] bytes, int length, int frames) throws IOException {
        // 0 means "not writing"; nanoTime may be 0 by chance, once in 584 years.
        writingSince = System.nanoTime() | 1;
        try {
            out.write(bytes, 0, length);
        } finally {
            writingSince = 0;
        }
        framesWritten.addAndGet(frames);
        relay.wrote(length);
    }

    private void drain() {
        byte[] buffer = new byte[8192];
        boolean told = false;
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int read = in.read(buffer);
                if (read < 0) {
                    relay.departed(this, "the client hung up");
                    return;
                }
                if (!told) {
                    told = true;
                    log.log(Level.INFO, "client " + name + " sends bytes; a relay client only reads, so they are "
                            + "read and ignored");
                }
                relay.ignored(read);
            }
        } catch (IOException e) {
            relay.departed(this, "the connection failed: " + e.getMessage());
        }
    }
}
