package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.StreamJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.collection.List;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.spark.streaming.StreamingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Driver recovery on a real local Spark: a job started on a checkpoint directory, stopped without a graceful stop
 * while a batch is unfinished, and started again on the same directory resumes the checkpointed stream, and runs the
 * unfinished batch from the blocks in the write-ahead log, which the first run's memory no longer holds.
 */
class CheckpointRecoveryTest {

    private static final Duration GUARD = Duration.ofSeconds(60);
    private static final StreamJob CAPTURE_ALL =
            StreamJob.sampling(BatchTally.EVERYTHING);

    private LoopbackRelay relay;
    private RunningStream first;
    private RunningStream second;

    @AfterEach
    void stopEverything() throws Exception {
        for (RunningStream running : new RunningStream[] {first, second}) {
            if (running != null) {
                running.stop();
            }
        }
        if (relay != null) {
            relay.close();
        }
    }

    /** Takes the first batch with records and never lets it finish, as a driver that dies mid-batch. */
    private static final class StuckSink implements BatchSink {
        final CompletableFuture<Batch> stuck = new CompletableFuture<>();
        final CountDownLatch release = new CountDownLatch(1);

        @Override
        public void accept(StreamOutput output) {
            if (output instanceof Batch batch && batch.count() > 0 && stuck.complete(batch)) {
                try {
                    release.await();  // Spark's stop does not interrupt a job thread; the test lets it go
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }

    private static byte[] framed(List<String> bodies) {
        return bodies.map(body -> Frame.of(body).get().text()).mkString().getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> lowerCase(List<String> bodies) {
        return bodies.map(body -> body.toLowerCase(Locale.ROOT));
    }

    @Test
    void givenACheckpoint_aRestartAfterACrash_resumesAndRunsTheUnfinishedBatchFromTheLog(@TempDir Path directory)
            throws Exception {
        relay = new LoopbackRelay();
        SparkSettings settings = TestSettings.builder(relay.port(), Duration.ofMillis(500))
                .checkpoint(directory.toString()).build();
        List<String> before = List.range(0, 500).map(i -> "Before the crash " + i);
        List<String> after = List.range(0, 100).map(i -> "After the restart " + i);

        StuckSink stuckSink = new StuckSink();
        first = new SparkStreamEngine(settings).start(CAPTURE_ALL, stuckSink)
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        assertFalse(((SparkStreamEngine.SparkRunningStream) first).recovered(), "a new directory: a new stream");
        relay.send(framed(before));
        Batch unfinished = stuckSink.stuck.get(GUARD.toSeconds(), TimeUnit.SECONDS);
        awaitCheckpointOf(directory, unfinished);
        // No graceful stop: receivers, batches and the Spark context go at once, as when the driver is killed.
        StreamingContext.getActive().get().stop(true, false);
        stuckSink.release.countDown();  // what it was handed never reaches a sink
        relay.dropClient();

        CapturingBatchSink sink = new CapturingBatchSink();
        second = new SparkStreamEngine(settings).start(CAPTURE_ALL, sink)
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        assertTrue(((SparkStreamEngine.SparkRunningStream) second).recovered(), "the checkpointed stream resumes");
        relay.send(framed(after));  // to the resumed stream's receiver

        List<String> expected = lowerCase(before.appendAll(after));
        List<String> got = List.ofAll(sink.awaitRecords(expected.size(), GUARD));
        assertTrue(got.containsAll(expected), () -> "missing: " + expected.removeAll(got));
        assertEquals(lowerCase(before), got.filter(record -> record.startsWith("before")).distinct(),
                "the unfinished batch's records, in order");
    }

    /** The resumed stream's receivers are the checkpoint's, and they need their threads too. */
    @Test
    void givenACheckpointWithTwoRelays_aRestartOnTwoLocalThreads_isRefused(@TempDir Path directory) throws Exception {
        relay = new LoopbackRelay();
        try (LoopbackRelay other = new LoopbackRelay()) {
            SparkSettings two = SparkSettings.builder("local[3]", Duration.ofMillis(200)).ui(io.vavr.control.Option.none())
                    .relay("127.0.0.1", relay.port()).relay("127.0.0.1", other.port())
                    .checkpoint(directory.toString()).build();
            first = new SparkStreamEngine(two).start(CAPTURE_ALL, new CapturingBatchSink())
                    .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
            awaitAnyCheckpoint(directory);
            first.stop();

            SparkSettings one = TestSettings.builder(relay.port(), Duration.ofMillis(200))
                    .checkpoint(directory.toString()).build();
            var refused = new SparkStreamEngine(one).start(CAPTURE_ALL, new CapturingBatchSink());

            assertTrue(refused.isLeft(), "two receivers on local[2] would never process a batch");
            assertEquals("master", refused.getLeft().subject());
            assertTrue(refused.getLeft().reason().contains("local[3]"), refused.getLeft()::reason);
            assertTrue(StreamingContext.getActive().isEmpty(), "nothing left running");
        }
    }

    private static void awaitAnyCheckpoint(Path directory) throws Exception {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (true) {
            try (var files = Files.list(directory)) {
                if (files.anyMatch(file -> file.getFileName().toString().startsWith("checkpoint-"))) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no checkpoint in " + directory + " within " + GUARD);
            }
            Thread.sleep(20);
        }
    }

    /** Spark names a checkpoint after its batch's time; it is written just after the batch is generated. */
    private static void awaitCheckpointOf(Path directory, Batch batch) throws Exception {
        Path checkpoint = directory.resolve("checkpoint-" + batch.time().toEpochMilli());
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!Files.exists(checkpoint)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + checkpoint + " within " + GUARD);
            }
            Thread.sleep(20);
        }
    }
}
