package io.tweetpipe.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** What every {@link StreamEngine} must do, run against memory and Spark. */
public abstract class StreamEngineContract {

    /** An engine that reads what {@link #feed} writes. */
    protected abstract StreamEngine engine() throws Exception;

    /** Writes bytes to the engine's input, as the relay does; called after the engine started. */
    protected abstract void feed(byte[] bytes) throws Exception;

    private Seq<String> runAndCapture(int recordsPerBatch, int expected, byte[]... inputs) throws Exception {
        CapturingBatchSink sink = new CapturingBatchSink();
        RunningStream running = engine().start(StreamJob.sampling(recordsPerBatch), sink)
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        try {
            for (byte[] input : inputs) {
                feed(input);
            }
            sink.awaitRecords(expected, Duration.ofSeconds(60));
            Thread.sleep(300);  // so that a record delivered twice has time to show
        } finally {
            running.stop();
        }
        assertTrue(sink.batches().forAll(batch -> batch.head().size() <= recordsPerBatch));
        return sink.records();
    }

    @Test
    void givenFramedTweets_run_deliversEachOnceLowercasedInOrder() throws Exception {
        Seq<String> bodies = List.range(0, 300).map(i -> "Tweet " + i + " about COVID\nwith __end and \\ inside");
        byte[] wire = bodies.map(body -> Frame.of(body).get().text()).mkString().getBytes(StandardCharsets.UTF_8);

        Seq<String> records = runAndCapture(BatchTally.EVERYTHING, 300, wire);

        assertEquals(bodies.map(body -> body.replace('\n', ' ').toLowerCase(Locale.ROOT)), records);
    }

    @Test
    void givenTheOriginalRelaysBytes_run_readsOneRecordPerTweet() throws Exception {
        byte[] wire = "Short Tweet__endAn Extended Tweet, In Full __end\u00C9t\u00C9 ÉTÉ__end"
                .getBytes(StandardCharsets.UTF_8);

        Seq<String> records = runAndCapture(BatchTally.EVERYTHING, 3, wire);

        assertEquals(List.of("short tweet", "an extended tweet, in full", "été été"), records);
    }

    @Test
    void givenAFrameCutAcrossWrites_run_stillReadsItWhole() throws Exception {
        byte[] wire = Frame.of("Split 😷 across writes").get().bytes();
        byte[] first = java.util.Arrays.copyOfRange(wire, 0, 8);   // cuts the emoji's UTF-8 bytes
        byte[] second = java.util.Arrays.copyOfRange(wire, 8, wire.length);

        Seq<String> records = runAndCapture(BatchTally.EVERYTHING, 1, first, second);

        assertEquals(List.of("split 😷 across writes"), records);
    }

    @Test
    void givenPrintLimit_run_showsAtMostTenPerBatchAndCountsAll() throws Exception {
        CapturingBatchSink sink = new CapturingBatchSink();
        RunningStream running = engine().start(StreamJob.sampling(Batch.PRINTED), sink)
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        try {
            feed(List.range(0, 250).map(i -> Frame.of("t" + i).get().text()).mkString()
                    .getBytes(StandardCharsets.UTF_8));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sink.batches().map(Batch::count).sum().longValue() < 250 && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            running.stop();
        }
        assertEquals(250L, sink.batches().map(Batch::count).sum().longValue());
        assertTrue(sink.batches().forAll(batch -> batch.head().size() == Math.min(10, batch.count())));
        assertTrue(sink.figures().nonEmpty(), "every batch is followed by its figures");
    }
}
