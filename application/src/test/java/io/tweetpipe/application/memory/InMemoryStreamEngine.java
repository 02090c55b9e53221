package io.tweetpipe.application.memory;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.framing.FrameDecoder;
import io.tweetpipe.domain.framing.WireFormat;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Micro-batches in memory, with the analyses' semantics of {@link InMemoryAnalyses}. Live, bytes fed in are cut into
 * frames as Spark's receiver cuts them and every interval makes a batch of what arrived; scheduled, each batch's
 * chunks are given in advance and batch times are the interval's multiples, so a run is the same every time.
 */
public final class InMemoryStreamEngine implements StreamEngine {

    private final Duration interval;
    private final Option<Seq<Seq<byte[]>>> schedule;
    private final FrameDecoder decoder = new FrameDecoder(1 << 20);
    private final java.util.List<byte[]> received = new ArrayList<>();
    private final java.util.List<Rejection> refused = new ArrayList<>();

    public InMemoryStreamEngine(Duration interval) {
        this(interval, Option.none());
    }

    private InMemoryStreamEngine(Duration interval, Option<Seq<Seq<byte[]>>> schedule) {
        this.interval = interval;
        this.schedule = schedule;
    }

    /** An engine whose k-th batch holds the k-th chunks given; it stops by itself after the last. */
    public static InMemoryStreamEngine scheduled(Duration interval, Seq<Seq<byte[]>> batches) {
        return new InMemoryStreamEngine(interval, Option.some(batches));
    }

    /** What the relay would write to the engine's socket. */
    public synchronized void feed(byte[] bytes) {
        decoder.feed(bytes, 0, bytes.length, new FrameDecoder.Listener() {
            @Override
            public void frame(String text) {
                received.add((text + WireFormat.MARKER).getBytes(StandardCharsets.UTF_8));
            }

            @Override
            public void rejected(Rejection rejection) {
                refused.add(rejection);
            }
        });
    }

    public synchronized java.util.List<Rejection> refused() {
        return java.util.List.copyOf(refused);
    }

    @Override
    public Either<Rejection, RunningStream> start(StreamJob job, BatchSink sink, Seq<RecordStore> stores) {
        return InMemoryAnalyses.of(job, interval, stores).map(analyses -> schedule.isDefined()
                ? runScheduled(analyses, sink, schedule.get()) : runLive(analyses, sink));
    }

    private RunningStream runScheduled(InMemoryAnalyses analyses, BatchSink sink, Seq<Seq<byte[]>> batches) {
        Thread run = new Thread(() -> {
            long start = interval.toMillis() * (System.currentTimeMillis() / interval.toMillis());
            for (int k = 0; k < batches.size(); k++) {
                runBatch(analyses, sink, Instant.ofEpochMilli(start + (k + 1) * interval.toMillis()), batches.get(k));
            }
        }, "in-memory-engine");
        run.start();
        return new RunningStream() {
            @Override
            public void awaitTermination() throws InterruptedException {
                run.join();
            }

            @Override
            public void stop() {
                try {
                    run.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
    }

    private RunningStream runLive(InMemoryAnalyses analyses, BatchSink sink) {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        Runnable batch = () -> runBatch(analyses, sink, Instant.now(), takeReceived());
        clock.scheduleAtFixedRate(batch, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        return new RunningStream() {
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
                batch.run();  // what arrived since the last batch is processed before stop returns
            }
        };
    }

    private synchronized Seq<byte[]> takeReceived() {
        Seq<byte[]> frames = List.ofAll(received);
        received.clear();
        return frames;
    }

    private static void runBatch(InMemoryAnalyses analyses, BatchSink sink, Instant time, Seq<byte[]> chunks) {
        long started = System.nanoTime();
        analyses.batch(time, chunks).forEach(sink::accept);
        long frames = chunks.map(chunk -> (long) countMarkers(chunk)).sum().longValue();
        sink.accept(new BatchFigures(time, frames, Duration.ofNanos(System.nanoTime() - started), Duration.ZERO));
    }

    private static int countMarkers(byte[] chunk) {
        int n = 0;
        for (int at = WireFormat.indexOfMarker(chunk, 0, chunk.length); at >= 0;
             at = WireFormat.indexOfMarker(chunk, at + WireFormat.MARKER.length(), chunk.length)) {
            n++;
        }
        return n;
    }
}
