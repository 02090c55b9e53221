package io.tweetpipe.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.Ranking;
import io.vavr.collection.List;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

class ProcessTweetStreamServiceTest {

    private static final StreamJob JOB = StreamJob.sampling(10);
    private static final Analysis.Trending HASHTAGS =
            new Analysis.Trending(Subject.HASHTAGS, new Window(Duration.ofSeconds(2), Duration.ofSeconds(1)), 3);

    /** An engine that reports the given outputs once started, and says it is running. */
    private static StreamEngine reporting(io.tweetpipe.domain.batch.StreamOutput... outputs) {
        return (job, sink, stores) -> {
            List.of(outputs).forEach(sink::accept);
            return Either.right(new RunningStream() {
                @Override
                public void awaitTermination() {
                }

                @Override
                public void stop() {
                }
            });
        };
    }

    @Test
    void givenTwoSinks_start_handsEveryOutputToBothInOrder() {
        Batch first = new Batch(Instant.ofEpochMilli(1000), 1, List.of("a"));
        Batch second = new Batch(Instant.ofEpochMilli(2000), 0, List.empty());
        CapturingBatchSink one = new CapturingBatchSink();
        CapturingBatchSink two = new CapturingBatchSink();

        new ProcessTweetStreamService(reporting(first, second), JOB, List.of(one, two), List.empty(), r -> { })
                .start();

        assertEquals(List.of(first, second), one.outputs());
        assertEquals(List.of(first, second), two.outputs());
    }

    @Test
    void givenSuccessiveRankings_start_givesEachThePreviousCounts() {
        Ranking first = new Ranking(Instant.ofEpochMilli(1000), HASHTAGS, List.of(new Count("covid", 5)));
        Ranking second = new Ranking(Instant.ofEpochMilli(2000), HASHTAGS,
                List.of(new Count("covid", 7), new Count("vaccine", 2)));
        CapturingBatchSink sink = new CapturingBatchSink();

        new ProcessTweetStreamService(reporting(first, second), JOB, List.of(sink), List.empty(), r -> { }).start();

        Ranking shown = (Ranking) sink.outputs().get(1);
        assertEquals(Option.some(2L), shown.change(new Count("covid", 7)));
        assertEquals(Option.none(), shown.change(new Count("vaccine", 2)), "new in this window");
        assertEquals(Option.none(), ((Ranking) sink.outputs().get(0)).change(new Count("covid", 5)));
    }

    @Test
    void givenAFailingSink_start_reportsItAndStillFeedsTheOthers() {
        Batch batch = new Batch(Instant.ofEpochMilli(1000), 1, List.of("a"));
        BatchSink broken = output -> {
            throw new IllegalStateException("disk full");
        };
        CapturingBatchSink healthy = new CapturingBatchSink();
        java.util.List<Rejection> failures = new ArrayList<>();

        new ProcessTweetStreamService(reporting(batch), JOB, List.of(broken, healthy), List.empty(), failures::add)
                .start();

        assertEquals(List.of(batch), healthy.outputs());
        assertEquals(1, failures.size());
        assertEquals(true, failures.get(0).reason().contains("disk full"));
    }

    @Test
    void givenEngineThatCannotStart_start_returnsWhy() {
        Rejection busy = Rejection.of("port", "127.0.0.1:5555 refused the connection");

        Either<Rejection, RunningStream> started = new ProcessTweetStreamService(
                (job, sink, stores) -> Either.left(busy), JOB, List.of(new CapturingBatchSink()), List.empty(), r -> { }).start();

        assertEquals(Either.left(busy), started);
    }

    @Test
    void givenNoSink_construction_isRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new ProcessTweetStreamService(reporting(), JOB, List.empty(), List.empty(), r -> { }));
    }
}
