package io.tweetpipe.adapters.socket;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The frames waiting for one client, between the publishing thread and that client's writer thread, capped in bytes.
 *
 * <p>{@link #offer} never waits: a full outbox refuses the frame. The writer takes frames in batches, so at a high
 * rate one lock round-trip and one socket write carry many frames; it is woken only when it actually sleeps, so a
 * busy writer costs the publisher no system call.
 */
final class Outbox {

    /** What the writer should do after {@link #poll}: write what it got, send what it holds, or stop. */
    static final int STOP = -1;

    private enum State { OPEN, FINISHING, ABANDONED }

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition ready = lock.newCondition();
    private final ArrayDeque<byte[]> frames;
    private final long capacityBytes;
    private long bytes;
    // The backlog a client takes over on connecting may exceed its own buffer. It is allowed on top of the cap until
    // written, so the frames published right after a reconnect are not missed merely because the backlog came first.
    private long handedOverBytes;
    private boolean writerWaiting;
    private State state = State.OPEN;

    /** An outbox starting with {@code backlog} (taken over, not copied), which holds {@code backlogBytes}. */
    Outbox(long capacityBytes, ArrayDeque<byte[]> backlog, long backlogBytes) {
        this.capacityBytes = capacityBytes;
        this.frames = backlog;
        this.bytes = backlogBytes;
        this.handedOverBytes = backlogBytes;
    }

    /** Queues the frame unless it does not fit or the client is going; never waits. */
    boolean offer(byte[] frame) {
        lock.lock();
        try {
            if (state != State.OPEN || bytes + frame.length > capacityBytes + handedOverBytes) {
                return false;
            }
            frames.addLast(frame);
            bytes += frame.length;
            if (writerWaiting) {
                ready.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves waiting frames into {@code batch}: at least one, then more while they stay within {@code maxBytes}.
     *
     * @param wait whether to sleep until a frame comes; a writer holding unsent bytes asks not to, so it sends them
     *     as soon as nothing more is waiting
     * @return how many frames were moved; 0 if none was waiting and {@code wait} was false; {@link #STOP} once the
     *     outbox is finished and empty, or abandoned
     */
    int poll(byte[][] batch, int maxBytes, boolean wait) throws InterruptedException {
        lock.lock();
        try {
            while (frames.isEmpty()) {
                if (state != State.OPEN) {
                    return STOP;
                }
                if (!wait) {
                    return 0;
                }
                writerWaiting = true;
                try {
                    ready.await();
                } finally {
                    writerWaiting = false;
                }
            }
            int count = 0;
            long taken = 0;
            while (count < batch.length && !frames.isEmpty()) {
                int length = frames.peekFirst().length;
                if (count > 0 && taken + length > maxBytes) {
                    break;
                }
                batch[count++] = frames.pollFirst();
                taken += length;
            }
            bytes -= taken;
            handedOverBytes = Math.max(0, handedOverBytes - taken);
            return count;
        } finally {
            lock.unlock();
        }
    }

    /** Accepts no more frames; the writer sends what is waiting, then stops. */
    void finish() {
        lock.lock();
        try {
            if (state == State.OPEN) {
                state = State.FINISHING;
            }
            ready.signalAll();
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
            List<byte[]> untaken = new ArrayList<>(frames);
            frames.clear();
            bytes = 0;
            handedOverBytes = 0;
            ready.signalAll();
            return untaken;
        } finally {
            lock.unlock();
        }
    }

    long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }
}
