package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.StreamJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Spark's rate settings, kept by our bulk-storing receiver in frames per second, on a real local Spark. Counted, not
 * timed: with a cap of R frames/s and batches of B, a batch holds at most R x B and some slack (a block's interval,
 * one burst); everything sent arrives, in order, only later.
 */
class RateControlTest {

    private static final Duration GUARD = Duration.ofSeconds(60);
    private static final Duration BATCH = Duration.ofMillis(500);
    private static final long RATE = 4_000;
    /** R x B is 2,000; a block interval (100 ms) and a burst (10 ms) more make 2,440. */
    private static final long MOST_PER_BATCH = RATE * BATCH.toMillis() / 1000 * 3 / 2;
    private static final int SENT = 12_000;

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

    private Seq<Batch> runAll(UnaryOperator<SparkSettings.Builder> rateSettings) throws Exception {
        relay = new LoopbackRelay();
        running = new SparkStreamEngine(rateSettings.apply(TestSettings.builder(relay.port(), BATCH)).build())
                .start(StreamJob.sampling(BatchTally.EVERYTHING), sink)
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        List<String> bodies = List.range(0, SENT).map(i -> "tweet " + i);
        relay.send(bodies.map(body -> Frame.of(body).get().text()).mkString().getBytes(StandardCharsets.UTF_8));

        assertEquals(bodies, sink.awaitRecords(SENT, GUARD), "everything arrives, in order");
        return sink.batches().filter(batch -> batch.count() > 0);
    }

    @Test
    void givenAMaxRate_run_capsEveryBatchAndLosesNothing() throws Exception {
        Seq<Batch> batches = runAll(settings -> settings.maxRate(RATE));

        assertTrue(batches.forAll(batch -> batch.count() <= MOST_PER_BATCH),
                () -> "a batch over " + MOST_PER_BATCH + ": " + batches.map(Batch::count));
        assertTrue(batches.size() >= SENT / MOST_PER_BATCH, () -> "spread: " + batches.map(Batch::count));
    }

    /**
     * Spark's rate estimator changes the limit only from the second completed batch with records on, so the first
     * two hold what the initial rate allows: proof that the receiver reads the supervisor's current limit.
     */
    @Test
    void givenBackpressureWithAnInitialRate_run_honoursTheSupervisorsLimit() throws Exception {
        Seq<Batch> batches = runAll(settings -> settings.backpressure(true)
                .sparkConf("spark.streaming.backpressure.initialRate", Long.toString(RATE)));

        assertTrue(batches.take(2).forAll(batch -> batch.count() <= MOST_PER_BATCH),
                () -> "a first batch over " + MOST_PER_BATCH + ": " + batches.map(Batch::count));
        assertTrue(batches.size() >= 2, () -> "spread: " + batches.map(Batch::count));
    }
}
