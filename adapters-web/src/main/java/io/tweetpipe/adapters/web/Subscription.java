package io.tweetpipe.adapters.web;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One live page: the history it is shown first, then the events that came since, in a bounded queue. The stream
 * never waits for a page: when the queue is full the page is cut off (its browser reconnects and starts again from
 * the history) rather than shown a stream with a hole in it.
 */
final class Subscription {

    /** Put in the queue to end the page: the dashboard is closing. */
    private static final String END = new String("end");

    private final List<String> snapshot;
    private final BlockingQueue<String> queue;
    private final Consumer<Subscription> onCancel;
    private volatile boolean cutOff;

    Subscription(List<String> snapshot, int capacity, Consumer<Subscription> onCancel) {
        this.snapshot = List.copyOf(snapshot);
        this.queue = new ArrayBlockingQueue<>(capacity);
        this.onCancel = onCancel;
    }

    /** The events to send before any other, as Server-Sent Events. */
    List<String> snapshot() {
        return snapshot;
    }

    /** Queues one event; false when the page is cut off (its queue was full), and it should be forgotten. */
    boolean offer(String event) {
        if (cutOff || !queue.offer(event)) {
            cutOff = true;
            return false;
        }
        return true;
    }

    /**
     * The next event, or an empty string when none came within {@code wait} (time for a keep-alive), or nothing
     * ({@code null}) when the page is to end: cut off, or the dashboard closing.
     */
    String next(Duration wait) throws InterruptedException {
        if (cutOff) {
            return null;
        }
        String event = queue.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        if (event == END || cutOff) {  // identity: END is a string no event can be
            return null;
        }
        return event == null ? "" : event;
    }

    /** Ends the page once it has taken what is queued; cuts it off if the queue is full. */
    void end() {
        if (!queue.offer(END)) {
            cutOff = true;
        }
    }

    /** The page went away. */
    void cancel() {
        onCancel.accept(this);
    }
}
