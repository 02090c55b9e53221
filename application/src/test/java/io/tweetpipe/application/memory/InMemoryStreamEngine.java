package io.tweetpipe.application.memory;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.framing.FrameDecoder;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Micro-batches in memory: bytes fed in are cut into frames as Spark's receiver cuts them, and every interval the
 * frames received since the last batch are preprocessed and handed to the sink as one batch, then its figures.
 */
public final class InMemoryStreamEngine implements StreamEngine {

    private final Duration interval;
    private final FrameDecoder decoder = new FrameDecoder(1 << 20);
    private final List<String> received = new ArrayList<>();
    private final List<Rejection> refused = new ArrayList<>();

    public InMemoryStreamEngine(Duration interval) {
        this.interval = interval;
    }

    /** What the relay would write to the engine's socket. */
    public synchronized void feed(byte[] bytes) {
        decoder.feed(bytes, 0, bytes.length, new FrameDecoder.Listener() {
            @Override
            public void frame(String text) {
                received.add(text);
            }

            @Override
            public void rejected(Rejection rejection) {
                refused.add(rejection);
            }
        });
    }

    public synchronized List<Rejection> refused() {
        return List.copyOf(refused);
    }

    @Override
    public Either<Rejection, RunningStream> start(Plan plan, BatchSink sink) {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        Runnable batch = () -> runBatch(plan, sink);
        clock.scheduleAtFixedRate(batch, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return Either.right(new RunningStream() {
            @Override
            public void awaitTermination() throws InterruptedException {
                while (!clock.awaitTermination(1, TimeUnit.DAYS)) {
                    Thread.onSpinWait();
                }
            }

            @Override
            public void stop() {
                clock.shutdown();
                try {
                    clock.awaitTermination(1, TimeUnit.MINUTES);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                runBatch(plan, sink);  // what arrived since the last batch is processed before stop returns
            }
        });
    }

    private void runBatch(StreamEngine.Plan plan, BatchSink sink) {
        Instant time = Instant.now();
        List<String> frames;
        synchronized (this) {
            frames = new ArrayList<>(received);
            received.clear();
        }
        long started = System.nanoTime();
        BatchTally tally = BatchTally.empty(plan.recordsPerBatch())
                .addAll(io.vavr.collection.List.ofAll(frames).flatMap(plan.preprocessing()).iterator());
        sink.accept(tally.toBatch(time));
        sink.accept(new BatchFigures(time, frames.size(), Duration.ofNanos(System.nanoTime() - started),
                Duration.ZERO));
    }
}
