package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.StreamJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What the Spark engine promises beyond the port's contract, on a real local Spark and a real loopback socket. */
class SparkStreamEngineTest {

    /** Guards only: every wait below ends as soon as its condition holds. */
    private static final Duration GUARD = Duration.ofSeconds(60);

    private static final StreamJob CAPTURE_ALL =
            StreamJob.sampling(BatchTally.EVERYTHING);

    private final CapturingBatchSink sink = new CapturingBatchSink();
    private LoopbackRelay relay;
    private RunningStream running;

    @AfterEach
    void stopEverything() throws Exception {
        if (running != null) {
            running.stop();
        }
        if (relay != null) {
            relay.close();
        }
    }

    private RunningStream start() throws Exception {
        return start(TestSettings.BATCH_INTERVAL);
    }

    private RunningStream start(Duration batchInterval) throws Exception {
        relay = new LoopbackRelay();
        running = new SparkStreamEngine(TestSettings.reading(relay.port(), batchInterval)).start(CAPTURE_ALL, sink)
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        return running;
    }

    private static byte[] framed(Seq<String> bodies) {
        return bodies.map(body -> Frame.of(body).get().text()).mkString().getBytes(StandardCharsets.UTF_8);
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + GUARD + ": " + what);
            }
            Thread.sleep(20);
        }
    }

    /**
     * Long batches, so that when stop() is called the records are still in the receiver or in blocks no batch has
     * taken yet: a stop that is not graceful loses them (Spark stops making batches right after the receivers).
     */
    @Test
    void givenFramesAlreadyReceived_stop_handsEveryRecordToTheSinkBeforeReturning() throws Exception {
        RunningStream stream = start(Duration.ofSeconds(2));
        List<String> bodies = List.range(0, 2000).map(i -> "Graceful " + i);
        relay.send(framed(bodies));

        stream.stop();  // at once: most of these records are still in the receiver or in unprocessed blocks

        assertEquals(bodies.map(body -> body.toLowerCase(java.util.Locale.ROOT)), sink.records());
    }

    @Test
    void givenAStreamRunning_startAnother_isARejectionAndTheFirstKeepsRunning() throws Exception {
        start();
        try (LoopbackRelay other = new LoopbackRelay()) {
            Either<Rejection, RunningStream> second = new SparkStreamEngine(TestSettings.reading(other.port()))
                    .start(CAPTURE_ALL, new CapturingBatchSink());

            assertTrue(second.isLeft(), "Spark runs one context per JVM");
            assertEquals("spark", second.getLeft().subject());
        }
        relay.send(framed(List.of("still running")));
        assertEquals(List.of("still running"), sink.awaitRecords(1, GUARD));
    }

    @Test
    void givenBatches_run_followsEachBatchWithItsFiguresCountingFramesReceived() throws Exception {
        start();
        List<String> bodies = List.range(0, 600).map(i -> "Figure " + i);
        int sent = 0;
        for (Seq<String> third : bodies.grouped(200)) {
            relay.send(framed(third));
            sent += third.size();
            sink.awaitRecords(sent, GUARD);  // so each third is in batches of its own
        }
        await(() -> sink.figures().map(BatchFigures::records).sum().longValue() == 600, "figures of 600 frames");
        running.stop();

        Seq<StreamOutput> outputs = sink.outputs();
        for (int i = 0; i < outputs.size(); i++) {
            StreamOutput output = outputs.get(i);
            if (output instanceof BatchFigures figures) {
                assertTrue(i > 0 && outputs.get(i - 1) instanceof Batch batch && batch.time().equals(figures.time()),
                        () -> "figures not right after their batch: " + outputs);
            } else if (i + 1 < outputs.size()) {
                assertTrue(outputs.get(i + 1) instanceof BatchFigures,
                        () -> "a batch not followed by its figures: " + outputs);
            }
        }
        assertEquals(600, sink.batches().map(Batch::count).sum().longValue());
        assertTrue(sink.batches().count(batch -> batch.count() > 0) > 1, "spread over several batches");
        assertFalse(LogManager.getLogger("org.apache.spark.SparkContext").isInfoEnabled(),
                "Spark's INFO lines are off by default");
    }

    @Test
    void givenTwoRelays_run_readsBothThroughOneReceiverEachIntoOneStream() throws Exception {
        relay = new LoopbackRelay();
        try (LoopbackRelay other = new LoopbackRelay()) {
            SparkSettings settings = SparkSettings.builder("local[3]", TestSettings.BATCH_INTERVAL)
                    .ui(io.vavr.control.Option.none())
                    .relay("127.0.0.1", relay.port()).relay("127.0.0.1", other.port()).build();
            running = new SparkStreamEngine(settings).start(CAPTURE_ALL, sink)
                    .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
            List<String> left = List.range(0, 300).map(i -> "left " + i);
            List<String> right = List.range(0, 300).map(i -> "right " + i);
            relay.send(framed(left));
            other.send(framed(right));

            Seq<String> records = sink.awaitRecords(600, GUARD);
            assertEquals(left, records.filter(record -> record.startsWith("left")), "each relay's tweets, in order");
            assertEquals(right, records.filter(record -> record.startsWith("right")));
            running.stop();
            running = null;
        }
    }

    @Test
    void givenTheRelayDropsTheConnection_run_reconnectsAndLosesNothingSentOnEither() throws Exception {
        start();
        relay.send(framed(List.of("before the drop")));
        sink.awaitRecords(1, GUARD);

        relay.dropClient();
        relay.send(framed(List.of("after the drop")));  // waits for the receiver's new connection

        assertEquals(List.of("before the drop", "after the drop"), sink.awaitRecords(2, GUARD));
    }
}
