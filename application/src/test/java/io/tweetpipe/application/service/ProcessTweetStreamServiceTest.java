package io.tweetpipe.application.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

class ProcessTweetStreamServiceTest {

    private final StreamEngine.Plan plan = new StreamEngine.Plan(Preprocessing.standard(), 10);

    @Test
    void start_handsThePlanAndTheSinkToTheEngine() {
        StreamEngine engine = mock(StreamEngine.class);
        RunningStream running = mock(RunningStream.class);
        CapturingBatchSink sink = new CapturingBatchSink();
        when(engine.start(plan, sink)).thenReturn(Either.right(running));

        Either<Rejection, RunningStream> started = new ProcessTweetStreamService(engine, plan, sink).start();

        assertEquals(Either.right(running), started);
        verify(engine).start(plan, sink);
    }

    @Test
    void givenEngineThatCannotStart_start_returnsWhy() {
        Rejection busy = Rejection.of("port", "127.0.0.1:5555 refused the connection");

        Either<Rejection, RunningStream> started =
                new ProcessTweetStreamService((p, s) -> Either.left(busy), plan, new CapturingBatchSink()).start();

        assertEquals(Either.left(busy), started);
    }
}
