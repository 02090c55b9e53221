package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.vavr.control.Either;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongFunction;

/**
 * What the v1.1 and the X source share on the caller's thread: hand on what each connection receives and, when one
 * ends, either stop (a failure only a person can fix) or wait as the source's backoff says and open the next. Each
 * source keeps its protocol, its reading of a failure and its logger; this keeps the counts behind {@link LiveFigures}.
 */
final class LiveLoop {

    /** One connection; its first failure ends it, reported once as a {@link PendingMessages.Ended} with its number. */
    abstract static class Connection {

        final long number;
        final PendingMessages messages;
        final Recording recording;
        final AtomicBoolean ended = new AtomicBoolean();
        final AtomicBoolean closed = new AtomicBoolean();
        volatile boolean established;

        Connection(long number, PendingMessages messages, Recording recording) {
            this.number = number;
            this.messages = messages;
            this.recording = recording;
        }

        /** Nothing came for a while: a connection that is over without a word ends itself here. */
        abstract void watch();

        /** Closes it; closing again does nothing. */
        abstract void close();

        /** Closes it as the source stops. */
        void stop() {
            close();
        }

        final void end(Throwable cause) {
            if (ended.compareAndSet(false, true)) {
                messages.end(new PendingMessages.Ended(number, cause, established));
                // At once and on this thread, before a client's own loop gets to a wait and retry of its own.
                close();
            }
        }
    }

    private final System.Logger log;
    private final Sleeper sleeper;
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile PendingMessages pending;
    /** Messages the current or last run handed on; only the streaming thread reads or writes it. */
    private long handedOn;

    LiveLoop(System.Logger log, Sleeper sleeper) {
        this.log = log;
        this.sleeper = sleeper;
    }

    LiveFigures figures() {
        PendingMessages current = pending;
        return new LiveFigures(connections.get(), failures.get(),
                current == null ? 0 : current.duplicates.get(),
                current == null ? 0 : current.deletedBeforeHandedOn.get(),
                current == null ? 0 : current.overflowed.get());
    }

    void connected() {
        connections.incrementAndGet();
    }

    void failed() {
        failures.incrementAndGet();
    }

    long handedOn() {
        return handedOn;
    }

    /** The queue of a new run; the figures count from it from now on. */
    PendingMessages start(int capacity) {
        handedOn = 0;
        PendingMessages messages = new PendingMessages(capacity);
        pending = messages;
        return messages;
    }

    /** Queues a message for the caller's thread; messages dropped because the listener lags are said now and then. */
    void offer(PendingMessages messages, StreamMessage message) {
        if (!messages.offer(message)) {
            long dropped = messages.overflowed.get();
            if (dropped == 1 || dropped % 1000 == 0) {
                log.log(Level.WARNING, "the listener is " + messages.capacity()
                        + " messages behind; dropped " + dropped + " so far");
            }
        }
    }

    /**
     * Opens connection 1 and hands on what arrives until interrupted, or until a connection ends in a way only a person
     * can fix: that rejection, logged. The connection open when it stops is stopped.
     *
     * @param watchMillis how long to wait for an event before asking the connection to {@link Connection#watch()}
     * @param waitAfter left when only a person can fix it; else how long to wait before the next connection
     * @param describe what ended a connection, for the line saying it will be reopened
     */
    Rejection run(PendingMessages messages, Consumer<StreamMessage> listener, long watchMillis,
                  LongFunction<? extends Connection> open,
                  Function<PendingMessages.Ended, Either<Rejection, Duration>> waitAfter,
                  Function<PendingMessages.Ended, String> describe) throws InterruptedException {
        Connection connection = null;
        try {
            connection = open.apply(1);
            while (true) {
                PendingMessages.Event event = messages.poll(watchMillis, TimeUnit.MILLISECONDS);
                if (event == null) {
                    connection.watch();
                } else if (event instanceof PendingMessages.Delivery delivery) {
                    listener.accept(delivery.message());
                    handedOn++;
                } else if (event instanceof PendingMessages.Ended ended && ended.connection() == connection.number) {
                    connection.close();
                    failures.incrementAndGet();
                    Either<Rejection, Duration> wait = waitAfter.apply(ended);
                    if (wait.isLeft()) {
                        log.log(Level.ERROR, wait.getLeft().reason());
                        return wait.getLeft();
                    }
                    log.log(Level.WARNING, describe.apply(ended)
                            + (wait.get().isZero() ? "; reconnecting now" : "; reconnecting in " + human(wait.get())));
                    sleeper.sleep(wait.get());
                    connection = open.apply(connection.number + 1);
                }
            }
        } finally {
            if (connection != null) {
                connection.stop();
            }
        }
    }

    static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage().lines().findFirst().orElse("");
        return root.getClass().getSimpleName() + (message.isBlank() ? "" : ": " + message);
    }

    static String human(Duration duration) {
        return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + " s" : duration.toMillis() + " ms";
    }
}
