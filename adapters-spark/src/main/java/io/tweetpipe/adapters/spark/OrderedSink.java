package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.StreamOutput;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The driver's end of a run: results come from the output operations (a job thread), figures from the streaming
 * listener (Spark's listener thread); this hands both to the sink one at a time, each batch's figures right after
 * its results.
 *
 * <p>Figures arrive a moment after their batch, and the next batch's results could in principle overtake them; a
 * result of a later batch therefore waits, briefly, for the figures of the batch before it. The wait is bounded so that a lost event (Spark drops
 * the last listener events when a context stops) never stalls the stream.
 *
 * <p>Runs are found by key ({@link #registered}) so that Spark's output function holds a string, not the sink.
 */
final class OrderedSink {

    /** Longer than the listener bus ever takes on a healthy driver, short against a batch interval. */
    static final Duration FIGURES_WAIT = Duration.ofMillis(200);

    private static final ConcurrentHashMap<String, OrderedSink> REGISTERED = new ConcurrentHashMap<>();

    private final String key;
    private final BatchSink sink;
    private final Duration figuresWait;
    private Instant awaitingFigures;

    private OrderedSink(String key, BatchSink sink, Duration figuresWait) {
        this.key = key;
        this.sink = Objects.requireNonNull(sink, "sink");
        this.figuresWait = figuresWait;
    }

    static OrderedSink register(BatchSink sink) {
        return register(UUID.randomUUID().toString(), sink);
    }

    /** Under a key known in advance: a stream graph recovered from a checkpoint finds this process's sink by it. */
    static OrderedSink register(String key, BatchSink sink) {
        OrderedSink ordered = new OrderedSink(Objects.requireNonNull(key, "key"), sink, FIGURES_WAIT);
        REGISTERED.put(ordered.key, ordered);
        return ordered;
    }

    static Option<OrderedSink> registered(String key) {
        return Option.of(REGISTERED.get(key));
    }

    String key() {
        return key;
    }

    void unregister() {
        REGISTERED.remove(key, this);
        synchronized (this) {
            awaitingFigures = null;
            notifyAll();
        }
    }

    synchronized void result(StreamOutput result) {
        if (awaitingFigures != null && !result.time().isAfter(awaitingFigures)) {
            sink.accept(result);  // another result of the same batch
            return;
        }
        long deadline = System.nanoTime() + figuresWait.toNanos();
        try {
            while (awaitingFigures != null) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    break;
                }
                wait(Math.max(1, left / 1_000_000));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        sink.accept(result);
        awaitingFigures = result.time();
    }

    synchronized void figures(BatchFigures figures) {
        sink.accept(figures);
        if (figures.time().equals(awaitingFigures)) {
            awaitingFigures = null;
            notifyAll();
        }
    }
}
