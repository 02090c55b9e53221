package io.tweetpipe.application.service;

import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import java.util.Objects;

/** Engine, preprocessing, sink. */
public final class ProcessTweetStreamService implements ProcessTweetStreamUseCase {

    private final StreamEngine engine;
    private final StreamEngine.Plan plan;
    private final BatchSink sink;

    public ProcessTweetStreamService(StreamEngine engine, StreamEngine.Plan plan, BatchSink sink) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.plan = Objects.requireNonNull(plan, "plan");
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public Either<Rejection, RunningStream> start() {
        return engine.start(plan, sink);
    }
}
