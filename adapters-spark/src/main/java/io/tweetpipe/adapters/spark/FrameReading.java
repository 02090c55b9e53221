package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.FrameDecoder;
import io.tweetpipe.domain.framing.WireFormat;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
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
 * frames. A block is handed on when it holds {@link Limits#blockFrames} frames or {@link Limits#blockBytes} bytes,
 * or when its oldest frame has waited {@link Limits#blockInterval} (what Spark's block interval bounds for its own
 * receivers), so a trickle of tweets is not held back either.
 *
 * <p>Chunks, not strings: a block holds a few chunks, each the UTF-8 bytes of up to {@link Limits#chunkFrames} whole
 * frames, each frame followed by its marker, as they came off the wire (less the blank and the overlong ones). Spark
 * then serializes, stores and reads back a few byte arrays per block instead of a string per tweet, and the
 * receiver decodes nothing; preprocessing decodes each chunk once and cuts it on the markers. The frames are still
 * what is counted: {@link Block#frames()}, and the rate limit.
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
        void store(Block block);
    }

    /**
     * Chunks of whole frames, each frame followed by its marker, in UTF-8.
     *
     * @param frames how many frames the chunks hold together
     */
    record Block(List<byte[]> chunks, int frames) {
        /**
         * What Spark stores: the chunks, then as many nulls as it takes for the block to have one element per frame.
         * Spark counts a block's records as the elements it stores, for the batch figures, its UI and its
         * backpressure, which must all count tweets; a null costs a byte in a serialized block.
         */
        Iterator<byte[]> records() {
            return new Iterator<>() {
                private int next;

                @Override
                public boolean hasNext() {
                    return next < frames;
                }

                @Override
                public byte[] next() {
                    if (next >= frames) {
                        throw new NoSuchElementException();
                    }
                    byte[] record = next < chunks.size() ? chunks.get(next) : null;
                    next++;
                    return record;
                }
            };
        }
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
     * @param blockFrames the most frames in one block
     * @param blockBytes the most bytes in one block, so that a few long lines cannot make a huge one
     * @param chunkFrames the most frames in one chunk: what preprocessing takes in one call
     * @param chunkBytes the most bytes in one chunk (a frame longer than this has a chunk of its own)
     * @param blockInterval the longest a received frame waits before its block is handed on
     * @param poll how long one read waits for bytes before the reader looks at the clock and at a stop request
     * @param quiet after a stop request, how long the socket must stay silent for the reader to take it that all
     *     that was sent has arrived
     * @param drain the longest a stop keeps reading bytes that are still coming
     */
    record Limits(int blockFrames, int blockBytes, int chunkFrames, int chunkBytes, Duration blockInterval,
                  Duration poll, Duration quiet, Duration drain) {
        static Limits standard(Duration blockInterval) {
            return new Limits(100_000, 16 << 20, 1_000, 256 << 10, blockInterval, Duration.ofMillis(20),
                    Duration.ofMillis(100), Duration.ofSeconds(1));
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
    /** Frames read and not handed on yet (the rate limit holds them back), each followed by its marker. */
    private final HeldFrames held = new HeldFrames();
    private final FrameDecoder.BytesListener listener = new FrameDecoder.BytesListener() {
        @Override
        public void frame(byte[] bytes, int from, int to) {
            if (!isBlank(bytes, from, to)) {  // what the original relay's framing leaves between two markers
                held.add(bytes, from, to);
            }
        }

        @Override
        public void rejected(Rejection rejection) {
            refuse(rejection);
        }
    };

    private volatile boolean stopRequested;
    private volatile Socket socket;
    private List<byte[]> block = new ArrayList<>();
    private int blockFrames;
    private long blockBytes;
    private long blockStarted;
    private boolean storedOnce;
    private byte[] chunk = new byte[64 << 10];
    private int chunkLength;
    private int chunkFrames;
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
            byte[] buffer = new byte[64 * 1024];
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
                    read = in.read(buffer);
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
                decoder.feedBytes(buffer, 0, read, listener);
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
        long allowed = everything ? FrameRate.UNLIMITED : rate.available(System.nanoTime());
        long handed = 0;
        while (handed < allowed && !held.isEmpty()) {
            keep(held);
            handed++;
        }
        if (!everything) {
            rate.take(handed);
        }
        held.compactIfEmpty();
        return held.isEmpty() ? 0 : rate.nanosUntil(held.size());
    }

    /** Sleeps until more frames are allowed, but no later than a block falls due or a stop is looked at. */
    private void pause(long nanos) {
        long limit = limits.poll().toNanos();
        if (blockFrames > 0) {
            limit = Math.min(limit, blockStarted + limits.blockInterval().toNanos() - System.nanoTime());
        }
        long sleep = Math.max(Math.min(nanos, limit), 100_000);  // a tenth of a millisecond at least: no spinning
        LockSupport.parkNanos(this, sleep);
    }

    /** Moves the oldest held frame into the chunk being filled. */
    private void keep(HeldFrames frames) {
        int from = frames.firstStart();
        int to = frames.firstEnd();
        int length = to - from;
        if (chunkFrames > 0 && (chunkFrames >= limits.chunkFrames() || chunkLength + length > limits.chunkBytes())) {
            closeChunk();
        }
        if (blockFrames == 0) {
            // The first block is due at once. Spark launches the receiver as a job of its own, often in the last
            // few hundred milliseconds before the first batch closes; a first block held for the block interval,
            // then stored through a cold block manager, missed that batch, which came out empty.
            blockStarted = System.nanoTime() - (storedOnce ? 0 : limits.blockInterval().toNanos());
        }
        if (chunkLength + length > chunk.length) {
            chunk = Arrays.copyOf(chunk, Math.max(chunkLength + length, chunk.length * 2));
        }
        System.arraycopy(frames.bytes(), from, chunk, chunkLength, length);
        chunkLength += length;
        chunkFrames++;
        blockFrames++;
        blockBytes += length;
        frames.dropFirst();
        if (blockFrames >= limits.blockFrames() || blockBytes >= limits.blockBytes()) {
            storeBlock();
        }
    }

    private void closeChunk() {
        if (chunkFrames > 0) {
            block.add(Arrays.copyOf(chunk, chunkLength));
            chunkLength = 0;
            chunkFrames = 0;
        }
    }

    private void storeIfDue() {
        if (blockFrames > 0 && System.nanoTime() - blockStarted >= limits.blockInterval().toNanos()) {
            storeBlock();
        }
    }

    private void storeBlock() {
        closeChunk();
        if (block.isEmpty()) {
            return;
        }
        Block full = new Block(block, blockFrames);
        block = new ArrayList<>();
        blockFrames = 0;
        blockBytes = 0;
        blocks.store(full);
        storedOnce = true;
        framesStored += full.frames();
        blocksStored++;
    }

    /**
     * Blank as {@link String#isBlank} says, decoding only when it must: a frame holding a byte that is neither
     * ASCII white space nor part of a multi-byte character has something to read, which is nearly always seen at
     * its first or second byte.
     */
    static boolean isBlank(byte[] bytes, int from, int to) {
        boolean multiByte = false;
        for (int i = from; i < to; i++) {
            int b = bytes[i];
            if (b < 0) {
                multiByte = true;
            } else if (!(b == ' ' || (b >= '\t' && b <= '\r') || (b >= 0x1C && b <= 0x1F))) {
                return false;
            }
        }
        return !multiByte || new String(bytes, from, to - from, StandardCharsets.UTF_8).isBlank();
    }

    /** Frames waiting for the rate limit, each with its marker, in a buffer reused from one read to the next. */
    private static final class HeldFrames {
        private static final byte[] MARKER = WireFormat.MARKER.getBytes(StandardCharsets.US_ASCII);
        private byte[] bytes = new byte[128 << 10];
        private int[] ends = new int[1024];
        private int length;
        private int count;
        private int first;

        void add(byte[] source, int from, int to) {
            int needed = length + (to - from) + MARKER.length;
            if (needed > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(needed, bytes.length * 2));
            }
            System.arraycopy(source, from, bytes, length, to - from);
            System.arraycopy(MARKER, 0, bytes, length + (to - from), MARKER.length);
            length = needed;
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, ends.length * 2);
            }
            ends[count++] = length;
        }

        boolean isEmpty() {
            return first == count;
        }

        int size() {
            return count - first;
        }

        byte[] bytes() {
            return bytes;
        }

        int firstStart() {
            return first == 0 ? 0 : ends[first - 1];
        }

        int firstEnd() {
            return ends[first];
        }

        void dropFirst() {
            first++;
        }

        /** Starts the buffer over once everything in it has been handed on. */
        void compactIfEmpty() {
            if (isEmpty()) {
                length = 0;
                count = 0;
                first = 0;
            }
        }
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
