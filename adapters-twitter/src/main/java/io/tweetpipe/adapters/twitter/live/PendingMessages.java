package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.adapters.twitter.v1.SeenStatuses;
import io.tweetpipe.domain.tweet.StreamMessage;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * What twitter4j's thread has received and the source's thread has not yet handed on, in arrival order, with the
 * connection events that the source acts on between messages.
 *
 * <p>A delete notice removes its status if that status is still waiting here: a deleted tweet not yet handed on is
 * never handed on (the notice itself still is, so it is counted). A status seen before, or deleted before it came, is
 * not queued at all ({@link SeenStatuses}). At most {@code capacity} messages wait; past that, new messages are
 * dropped and counted, so a stalled listener cannot grow memory without bound (Twitter itself disconnects a client
 * that falls that far behind).
 */
final class PendingMessages {

    sealed interface Event permits Delivery, Ended {
    }

    /** A message to hand on. */
    record Delivery(StreamMessage message) implements Event {
    }

    /**
     * Connection {@code connection} is over.
     *
     * @param established it had received at least one line, so it had worked
     */
    record Ended(long connection, Throwable cause, boolean established) implements Event {
    }

    private static final class Waiting {
        final Event event;
        boolean withdrawn;

        Waiting(Event event) {
            this.event = event;
        }
    }

    private final int capacity;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition arrived = lock.newCondition();
    private final ArrayDeque<Waiting> queue = new ArrayDeque<>();
    private final Map<Long, Waiting> waitingStatuses = new HashMap<>();
    private final SeenStatuses seen = new SeenStatuses();
    private int waitingMessages;

    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong deletedBeforeHandedOn = new AtomicLong();
    final AtomicLong overflowed = new AtomicLong();

    PendingMessages(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.capacity = capacity;
    }

    int capacity() {
        return capacity;
    }

    /** Queues a message from the stream; false if it was dropped because too many are waiting. */
    boolean offer(StreamMessage message) {
        lock.lock();
        try {
            if (message instanceof StreamMessage.Deletion deletion) {
                Waiting waiting = waitingStatuses.remove(deletion.id().value());
                if (waiting != null) {
                    waiting.withdrawn = true;
                    waitingMessages--;
                    deletedBeforeHandedOn.incrementAndGet();
                }
            }
            switch (seen.admit(message)) {
                case DUPLICATE -> {
                    duplicates.incrementAndGet();
                    return true;
                }
                case DELETED -> {
                    deletedBeforeHandedOn.incrementAndGet();
                    return true;
                }
                default -> {
                }
            }
            if (waitingMessages >= capacity) {
                overflowed.incrementAndGet();
                return false;
            }
            Waiting waiting = new Waiting(new Delivery(message));
            if (message instanceof StreamMessage.Status status) {
                waitingStatuses.put(status.tweet().id().value(), waiting);
            }
            queue.add(waiting);
            waitingMessages++;
            arrived.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Queues a connection event; these are never dropped. */
    void end(Ended ended) {
        lock.lock();
        try {
            queue.add(new Waiting(ended));
            arrived.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** The next event, waiting at most this long for one; null if none came. */
    Event poll(long timeout, TimeUnit unit) throws InterruptedException {
        long nanos = unit.toNanos(timeout);
        lock.lockInterruptibly();
        try {
            while (true) {
                Waiting next = queue.poll();
                if (next == null) {
                    if (nanos <= 0) {
                        return null;
                    }
                    nanos = arrived.awaitNanos(nanos);
                    continue;
                }
                if (next.withdrawn) {
                    continue;
                }
                if (next.event instanceof Delivery delivery) {
                    waitingMessages--;
                    if (delivery.message() instanceof StreamMessage.Status status) {
                        waitingStatuses.remove(status.tweet().id().value(), next);
                    }
                }
                return next.event;
            }
        } finally {
            lock.unlock();
        }
    }
}
