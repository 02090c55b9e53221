package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.FrameDecoder;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One connection to the relay, read until it ends or a stop is asked: bytes are cut into frames by the domain's
 * {@link FrameDecoder} (on the {@code __end} marker, never on a newline) and handed on in blocks.
 *
 * <p>Blocks, not records: Spark's single-record {@code store} goes through a lock, a rate limiter and a queue per
 * record; one {@code store} per block costs one block-manager put and one message to the driver for thousands of
 * records. A block is handed on when it holds {@link Limits#blockRecords} records or {@link Limits#blockChars}
 * characters, or when its oldest record has waited {@link Limits#blockInterval} (what Spark's block interval
 * bounds for its own receivers), so a trickle of tweets is not held back either.
 *
 * <p>A rate limit, when there is one ({@link FrameRate}: Spark's {@code spark.streaming.receiver.maxRate}, or its
 * backpressure's current rate), is kept in frames: frames read beyond it are held, and the socket is not read again
 * until they have been handed on, so what exceeds the limit stays in the socket and TCP slows the sender down. The
 * reader sleeps while it waits; it never spins.
 *
 * <p>On a stop it keeps reading until the socket has been quiet for a moment (or the drain limit passed): bytes
 * the operating system already acknowledged to the relay count as received, and are handed on before it returns.
 * Not thread-safe but for {@link #requestStop} and {@link #abort}, which another thread calls.
 */
final class FrameReading {

    /** Where blocks of frames go: Spark's {@code Receiver.store}, or a test's list. Called on the reading thread. */
    @FunctionalInterface
    interface Blocks {
        void store(List<String> frames);
    }

    /** How the reading ended. */
    sealed interface Ending {
        /** A stop was asked, and everything received was handed on. */
        record Stopped() implements Ending {
        }

        /** The relay ended the connection or could not be reached: worth trying again. */
        record Lost(String why) implements Ending {
        }
    }

    /**
     * How the reading paces itself.
     *
     * @param blockRecords the most records in one block
     * @param blockChars the most characters in one block, so that a few long lines cannot make a huge one
     * @param blockInterval the longest a received record waits before its block is handed on
     * @param poll how long one read waits for bytes before the reader looks at the clock and at a stop request
     * @param quiet after a stop request, how long the socket must stay silent for the reader to take it that all
     *     that was sent has arrived
     * @param drain the longest a stop keeps reading bytes that are still coming
     */
    record Limits(int blockRecords, int blockChars, Duration blockInterval, Duration poll, Duration quiet,
                  Duration drain) {
        static Limits standard(Duration blockInterval) {
            return new Limits(10_000, 4 << 20, blockInterval, Duration.ofMillis(20), Duration.ofMillis(100),
                    Duration.ofSeconds(1));
        }
    }

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    private static final Logger LOG = LogManager.getLogger(FrameReading.class);
    private static final long LOG_EVERY_NANOS = Duration.ofSeconds(10).toNanos();

    private final String host;
    private final int port;
    private final Limits limits;
    private final Blocks blocks;
    private final FrameDecoder decoder;
    private final FrameRate rate;
    /** Frames read but not yet allowed by the rate limit; empty whenever there is none. */
    private final ArrayDeque<String> held = new ArrayDeque<>();
    private final FrameDecoder.Listener listener = new FrameDecoder.Listener() {
        @Override
        public void frame(String text) {
            if (!text.isBlank()) {  // what the original relay's framing leaves between two markers: nothing to store
                held.add(text);
            }
        }

        @Override
        public void rejected(Rejection rejection) {
            refuse(rejection);
        }
    };

    private volatile boolean stopRequested;
    private volatile Socket socket;
    private List<String> block;
    private long blockChars;
    private long blockStarted;
    private long framesStored;
    private long blocksStored;
    private long refused;
    private long refusedSinceLog;
    private long lastRefusalLog;

    FrameReading(String host, int port, int maxFrameBytes, Limits limits, Blocks blocks) {
        this(host, port, maxFrameBytes, limits, blocks, FrameRate.unlimited());
    }

    /** @param rate how many frames may be handed on, and when */
    FrameReading(String host, int port, int maxFrameBytes, Limits limits, Blocks blocks, FrameRate rate) {
        this.rate = Objects.requireNonNull(rate, "rate");
        this.host = Objects.requireNonNull(host, "host");
        this.port = port;
        this.limits = Objects.requireNonNull(limits, "limits");
        this.blocks = Objects.requireNonNull(blocks, "blocks");
        this.decoder = new FrameDecoder(maxFrameBytes);
        this.block = new ArrayList<>();
    }

    /** Connects and reads until the connection ends or a stop is asked; whatever happens, what was read is handed on. */
    Ending run() {
        String relay = host + ":" + port;
        Socket connection = new Socket();
        socket = connection;
        try (connection) {
            if (stopRequested) {
                return new Ending.Stopped();
            }
            connection.connect(new InetSocketAddress(host, port), (int) CONNECT_TIMEOUT.toMillis());
            connection.setSoTimeout((int) limits.poll().toMillis());
            LOG.info("reading the relay at {}", relay);
            InputStream in = connection.getInputStream();
            byte[] chunk = new byte[64 * 1024];
            boolean draining = false;
            long drainUntil = 0;
            while (true) {
                if (stopRequested && !draining) {
                    draining = true;
                    drainUntil = System.nanoTime() + limits.drain().toNanos();
                    connection.setSoTimeout((int) limits.quiet().toMillis());
                }
                if (!held.isEmpty()) {
                    long wait = release(draining);
                    if (!held.isEmpty()) {  // over the rate: the socket waits, and TCP tells the sender to
                        storeIfDue();
                        pause(wait);
                        continue;
                    }
                }
                int read;
                try {
                    read = in.read(chunk);
                } catch (SocketTimeoutException quiet) {
                    if (draining) {
                        break;  // a stop was asked and the socket is quiet: all that was sent is in hand
                    }
                    storeIfDue();
                    continue;
                }
                if (read < 0) {
                    decoder.finish(listener);
                    release(true);  // the connection is gone: what was read is handed on, limit or not
                    storeBlock();
                    return new Ending.Lost("the relay at " + relay + " closed the connection");
                }
                decoder.feed(chunk, 0, read, listener);
                release(draining);
                storeIfDue();
                if (draining && System.nanoTime() - drainUntil > 0) {
                    break;
                }
            }
            decoder.finish(listener);  // a record the stop cut in half is counted, not stored
            release(true);
            storeBlock();
            return new Ending.Stopped();
        } catch (IOException e) {
            release(true);
            storeBlock();
            return stopRequested ? new Ending.Stopped()
                    : new Ending.Lost("cannot read the relay at " + relay + ": " + e.getMessage());
        } finally {
            if (refusedSinceLog > 0) {
                logRefusals();
            }
        }
    }

    /** Asks {@link #run} to hand on what it has and return; it still reads what has already arrived. */
    void requestStop() {
        stopRequested = true;
    }

    /** Ends a {@link #run} that does not return after a stop request (a connect or a store that hangs). */
    void abort() {
        stopRequested = true;
        Socket current = socket;
        if (current != null) {
            try {
                current.close();
            } catch (IOException ignored) {
                // closing is all we wanted
            }
        }
    }

    long framesStored() {
        return framesStored;
    }

    long blocksStored() {
        return blocksStored;
    }

    /** Records skipped: longer than the cap, or cut short by the end of the connection. */
    long refused() {
        return refused;
    }

    /**
     * Hands on as many held frames as the rate allows (all of them when {@code everything}: a stop or a lost
     * connection hands on what was read); returns how long to wait before more are allowed.
     */
    private long release(boolean everything) {
        long now = System.nanoTime();
        long allowed = everything ? FrameRate.UNLIMITED : rate.available(now);
        long handed = 0;
        while (handed < allowed && !held.isEmpty()) {
            keep(held.poll());
            handed++;
        }
        if (!everything) {
            rate.take(handed);
        }
        return held.isEmpty() ? 0 : rate.nanosUntil(held.size());
    }

    /** Sleeps until more frames are allowed, but no later than a block falls due or a stop is looked at. */
    private void pause(long nanos) {
        long limit = limits.poll().toNanos();
        if (!block.isEmpty()) {
            limit = Math.min(limit, blockStarted + limits.blockInterval().toNanos() - System.nanoTime());
        }
        long sleep = Math.max(Math.min(nanos, limit), 100_000);  // a tenth of a millisecond at least: no spinning
        LockSupport.parkNanos(this, sleep);
    }

    private void keep(String frame) {
        if (block.isEmpty()) {
            blockStarted = System.nanoTime();
        }
        block.add(frame);
        blockChars += frame.length();
        if (block.size() >= limits.blockRecords() || blockChars >= limits.blockChars()) {
            storeBlock();
        }
    }

    private void storeIfDue() {
        if (!block.isEmpty() && System.nanoTime() - blockStarted >= limits.blockInterval().toNanos()) {
            storeBlock();
        }
    }

    private void storeBlock() {
        if (block.isEmpty()) {
            return;
        }
        List<String> full = block;
        block = new ArrayList<>(Math.min(full.size() * 2, limits.blockRecords()));
        blockChars = 0;
        blocks.store(full);
        framesStored += full.size();
        blocksStored++;
    }

    private void refuse(Rejection rejection) {
        refused++;
        refusedSinceLog++;
        long now = System.nanoTime();
        if (refused == 1 || now - lastRefusalLog >= LOG_EVERY_NANOS) {
            LOG.warn("{} from the relay at {}:{} ({} refused so far)", rejection, host, port, refused);
            refusedSinceLog = 0;
            lastRefusalLog = now;
        }
    }

    private void logRefusals() {
        LOG.warn("{} records from the relay at {}:{} were refused in all, {} since the last report",
                refused, host, port, refusedSinceLog);
        refusedSinceLog = 0;
    }
}
