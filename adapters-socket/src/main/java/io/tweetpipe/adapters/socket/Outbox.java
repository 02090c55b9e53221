package io.tweetpipe.adapters.socket;

import io.tweetpipe.domain.framing.Frame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The bytes waiting for one client, between the publishing thread and that client's writer thread, capped in bytes.
 *
 * <p>The publisher encodes each frame straight into the outbox's open chunk, under the relay's lock, which it holds
 * for the publish anyway: no array per frame, no copy, and no lock of the outbox's own. A full chunk is sealed and
 * queued; the writer takes sealed chunks without any lock, one socket write each, and hands back what it has sent for
 * reuse. The writer never waits for the relay's lock while the publisher is busy (a publisher that takes it back at
 * once would starve it): with nothing sealed, it says it wants the open chunk, and the publisher seals it at its next
 * frame; only a publisher that stays away leaves the writer to take the lock and the open chunk itself, or to sleep
 * until the next frame. {@link #offer} never waits: a full outbox refuses the frame.
 */
final class Outbox {

    /** Bytes a chunk holds: few system calls at a high rate, little held in flight. */
    static final int CHUNK_BYTES = 64 * 1024;
    private static final int SPARE_CHUNKS = 4;
    /** How often the writer looks for a sealed chunk before it concludes the publisher is away: a few microseconds. */
    private static final int SPINS = 100;
    /** How long the writer leaves the open chunk to fill after a write: far below a batch, enough for many frames. */
    static final long LINGER_NANOS = 100_000;

    private enum State { OPEN, FINISHING, ABANDONED }

    /** Frames back to back, and where each ends: the writer counts what it sends, and untaken frames go back whole. */
    static final class Chunk {
        final byte[] bytes;
        int length;
        int frames;
        private int[] ends = new int[256];

        Chunk(int capacity) {
            this.bytes = new byte[capacity];
        }

        int room() {
            return bytes.length - length;
        }

        void clear() {
            length = 0;
            frames = 0;
        }

        void commit(int frameLength) {
            if (frames == ends.length) {
                ends = Arrays.copyOf(ends, frames * 2);
            }
            length += frameLength;
            ends[frames++] = length;
        }

        void append(byte[] frame) {
            System.arraycopy(frame, 0, bytes, length, frame.length);
            commit(frame.length);
        }

        void splitInto(List<byte[]> into) {
            int start = 0;
            for (int i = 0; i < frames; i++) {
                into.add(Arrays.copyOfRange(bytes, start, ends[i]));
                start = ends[i];
            }
        }
    }

    /**
     * Where the frame being published was encoded, so the next client's outbox copies it rather than encode it again.
     * One per relay, used under its lock; {@link #reset} before each publish.
     */
    static final class Encoded {
        private byte[] bytes;
        private int offset;
        private int length = -1;
        private char[] chars = new char[1024];

        void reset() {
            bytes = null;
            length = -1;
        }

        /** Room for the frame's chars while it is encoded, kept from frame to frame. */
        private char[] chars(Frame frame) {
            if (chars.length < frame.text().length()) {
                chars = new char[frame.text().length()];
            }
            return chars;
        }
    }

    private final ReentrantLock lock;
    private final long lingerNanos;
    private final long capacityBytes;
    // The backlog a client takes over on connecting may exceed its own buffer. It is allowed on top of the cap until
    // written, so the frames published right after a reconnect are not missed merely because the backlog came first.
    private final long handedOverBytes;
    private final ConcurrentLinkedQueue<Chunk> sealed = new ConcurrentLinkedQueue<>();
    private final ArrayBlockingQueue<Chunk> spare = new ArrayBlockingQueue<>(SPARE_CHUNKS);
    // Under the relay's lock: the chunk being filled, the bytes ever queued, the state.
    private Chunk open;
    private long committedBytes;
    private State state = State.OPEN;
    // The writer's own: the bytes it has ever taken. Queued less taken is what the outbox holds.
    private volatile long takenBytes;
    private volatile boolean writerWants;
    private volatile boolean writerAsleep;
    private volatile Thread writer;

    /**
     * An outbox guarded by the relay's {@code lock}, starting with {@code backlog}, which holds {@code backlogBytes};
     * its writer leaves the open chunk {@code lingerNanos} to fill after a write ({@link #LINGER_NANOS}, or 0 for none).
     */
    Outbox(long capacityBytes, ArrayDeque<byte[]> backlog, long backlogBytes, ReentrantLock lock, long lingerNanos) {
        this.lock = lock;
        this.lingerNanos = lingerNanos;
        this.capacityBytes = capacityBytes;
        this.handedOverBytes = backlogBytes;
        for (byte[] frame : backlog) {
            chunkWithRoom(frame.length).append(frame);
        }
        this.committedBytes = backlogBytes;
    }

    /**
     * Queues the frame unless it does not fit or the client is going; never waits. The caller holds the relay's lock.
     * The first outbox offered a frame encodes it and notes where in {@code encoded}; the others copy those bytes.
     */
    boolean offer(Frame frame, Encoded encoded) {
        // A frame holds at least a byte a char: a full outbox refuses it before it is encoded.
        if (state != State.OPEN || !fits(encoded.length >= 0 ? encoded.length : frame.text().length())) {
            return false;
        }
        int length;
        Chunk chunk;
        if (encoded.length < 0) {
            int most = frame.maxEncodedLength();
            chunk = chunkWithRoom(open != null && open.room() < most ? frame.encodedLength() : most);
            length = frame.encodeInto(chunk.bytes, chunk.length, encoded.chars(frame));
            encoded.bytes = chunk.bytes;
            encoded.offset = chunk.length;
            encoded.length = length;
        } else {
            length = encoded.length;
            chunk = chunkWithRoom(length);
            System.arraycopy(encoded.bytes, encoded.offset, chunk.bytes, chunk.length, length);
        }
        // Refused after encoding: the bytes past the chunk's length are simply not counted, and the next frame
        // overwrites them.
        if (!fits(length)) {
            return false;
        }
        chunk.commit(length);
        committedBytes += length;
        if (writerWants) {
            writerWants = false;
            seal();
        }
        return true;
    }

    private boolean fits(int length) {
        long taken = takenBytes;
        return committedBytes - taken + length <= capacityBytes + Math.max(0, handedOverBytes - taken);
    }

    /** The open chunk if it has {@code room}, else a new one; a frame longer than a chunk gets one of its own. */
    private Chunk chunkWithRoom(int room) {
        if (open != null && open.room() >= room) {
            return open;
        }
        seal();
        Chunk reused = room <= CHUNK_BYTES ? spare.poll() : null;
        open = reused != null ? reused : new Chunk(Math.max(room, CHUNK_BYTES));
        return open;
    }

    /** Queues the open chunk for the writer, if it holds a frame, and wakes the writer if it sleeps. */
    private void seal() {
        if (open == null || open.frames == 0) {
            return;
        }
        sealed.offer(open);
        open = null;
        wakeWriter();
    }

    private void wakeWriter() {
        Thread sleeper = writer;
        if (writerAsleep && sleeper != null) {
            writerAsleep = false;
            LockSupport.unpark(sleeper);
        }
    }

    /**
     * Hands the writer the oldest waiting chunk, after taking back the one it has sent ({@code sent}, or null); sleeps
     * until a frame comes. The open chunk is taken as it is when nothing else waits, so a frame is sent at once at a
     * low rate, and many frames a write at a high one. One writer thread only.
     *
     * @return the chunk to send; null once the outbox is finished and empty, or abandoned ({@link #finishing()} tells
     *     which)
     */
    Chunk take(Chunk sent) throws InterruptedException {
        writer = Thread.currentThread();
        if (sent != null && sent.bytes.length == CHUNK_BYTES) {
            sent.clear();
            spare.offer(sent);
        }
        boolean lingered = sent == null || lingerNanos == 0;
        while (true) {
            Chunk chunk = sealed.poll();
            if (chunk != null) {
                return taking(chunk);
            }
            if (!lingered) {
                // Just written and nothing sealed: a busy publisher fills the open chunk meanwhile, so write it in one
                // piece rather than a frame or two a system call. A chunk sealed in the meantime ends the wait.
                lingered = true;
                writerAsleep = true;
                LockSupport.parkNanos(this, lingerNanos);
                writerAsleep = false;
                continue;
            }
            writerWants = true;
            for (int i = 0; i < SPINS && chunk == null; i++) {
                Thread.onSpinWait();
                chunk = sealed.poll();
            }
            if (chunk != null) {
                return taking(chunk);
            }
            // The publisher did not come by: it is idle, or off the processor. Its lock, if free, tells which.
            if (!lock.tryLock()) {
                Thread.yield();
                continue;
            }
            try {
                chunk = sealed.poll();
                if (chunk == null && open != null && open.frames > 0) {
                    chunk = open;
                    open = null;
                }
                if (chunk != null) {
                    return taking(chunk);
                }
                if (state != State.OPEN) {
                    return null;
                }
                // From here the publisher's next frame is sealed at once and wakes this thread.
                writerAsleep = true;
            } finally {
                lock.unlock();
            }
            LockSupport.park(this);
            writerAsleep = false;
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
        }
    }

    private Chunk taking(Chunk chunk) {
        writerWants = false;
        takenBytes += chunk.length;  // the writer's field alone: no lost update
        return chunk;
    }

    /** Accepts no more frames; the writer sends what is waiting, then stops. */
    void finish() {
        lock.lock();
        try {
            if (state == State.OPEN) {
                state = State.FINISHING;
            }
            wakeWriter();
        } finally {
            lock.unlock();
        }
    }

    boolean finishing() {
        lock.lock();
        try {
            return state == State.FINISHING;
        } finally {
            lock.unlock();
        }
    }

    /** The client is gone: stops the writer and returns, oldest first, the frames it had not taken yet. */
    List<byte[]> abandon() {
        lock.lock();
        try {
            state = State.ABANDONED;
            List<byte[]> untaken = new ArrayList<>();
            for (Chunk chunk = sealed.poll(); chunk != null; chunk = sealed.poll()) {
                chunk.splitInto(untaken);
            }
            if (open != null) {
                open.splitInto(untaken);
                open = null;
            }
            spare.clear();
            wakeWriter();
            return untaken;
        } finally {
            lock.unlock();
        }
    }

    long bytes() {
        lock.lock();
        try {
            return state == State.ABANDONED ? 0 : committedBytes - takenBytes;
        } finally {
            lock.unlock();
        }
    }
}
