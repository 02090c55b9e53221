package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.application.port.out.TweetSource;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.List;
import io.vavr.control.Either;
import java.time.Duration;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/** A source streaming on its own thread, as the relay runs it, with what it handed on written down. */
final class SourceRun implements AutoCloseable {

    static final Duration GUARD = Duration.ofSeconds(20);

    private final Thread thread;
    private final java.util.List<StreamMessage> seen = new CopyOnWriteArrayList<>();
    private final AtomicReference<Either<Rejection, Long>> result = new AtomicReference<>();
    private final AtomicReference<Throwable> thrown = new AtomicReference<>();

    private SourceRun(TweetSource source, TrackFilter filter, Consumer<StreamMessage> also) {
        thread = new Thread(() -> {
            try {
                result.set(source.stream(filter, message -> {
                    seen.add(message);
                    also.accept(message);
                }));
            } catch (Throwable e) {
                thrown.set(e);
            }
        }, "source-run");
        thread.start();
    }

    static SourceRun start(TweetSource source, TrackFilter filter) {
        return new SourceRun(source, filter, message -> { });
    }

    static SourceRun start(TweetSource source, TrackFilter filter, Consumer<StreamMessage> also) {
        return new SourceRun(source, filter, also);
    }

    List<StreamMessage> messages() {
        return List.ofAll(seen);
    }

    List<Tweet> tweets() {
        return messages().filter(StreamMessage.Status.class::isInstance).map(m -> ((StreamMessage.Status) m).tweet());
    }

    List<Long> ids() {
        return tweets().map(t -> t.id().value());
    }

    /** Waits (at most the guard) until what was handed on satisfies the condition; true if it did. */
    boolean awaitUntil(Predicate<SourceRun> condition) throws InterruptedException {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!condition.test(this) && System.nanoTime() < deadline && thread.isAlive()) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
        return condition.test(this);
    }

    /** Waits for the source to end by itself; its result. */
    Either<Rejection, Long> awaitResult() throws InterruptedException {
        thread.join(GUARD.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the source did not end within " + GUARD);
        }
        if (thrown.get() != null) {
            throw new AssertionError("the source threw", thrown.get());
        }
        return result.get();
    }

    /** Interrupts the source; it must end with InterruptedException. */
    Throwable stop() throws InterruptedException {
        thread.interrupt();
        thread.join(GUARD.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the source did not stop within " + GUARD + " of an interrupt");
        }
        return thrown.get();
    }

    @Override
    public void close() {
        if (thread.isAlive()) {
            try {
                stop();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
