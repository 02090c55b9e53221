package io.tweetpipe.application.service;

import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The stream job: the engine computes its analyses; this service hands every result to every sink, in the order the
 * engine reports them, each ranking with the previous window's counts beside it. A sink that fails is reported and
 * the others still get the output.
 */
public final class ProcessTweetStreamService implements ProcessTweetStreamUseCase {

    private final StreamEngine engine;
    private final StreamJob job;
    private final Seq<BatchSink> sinks;
    private final Seq<RecordStore> stores;
    private final Consumer<Rejection> sinkFailures;

    /**
     * @param stores where every record is kept, besides what the sinks show (may be none)
     * @param sinkFailures told of each output a sink could not take, for the caller to log
     */
    public ProcessTweetStreamService(StreamEngine engine, StreamJob job, Seq<BatchSink> sinks,
                                     Seq<RecordStore> stores, Consumer<Rejection> sinkFailures) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.job = Objects.requireNonNull(job, "job");
        this.sinks = Objects.requireNonNull(sinks, "sinks");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.sinkFailures = Objects.requireNonNull(sinkFailures, "sinkFailures");
        if (sinks.isEmpty() && stores.isEmpty()) {
            throw new IllegalArgumentException("a stream job with no sink computes for nobody");
        }
    }

    @Override
    public Either<Rejection, RunningStream> start() {
        return engine.start(job, new FanOut(), stores);
    }

    /** Engines report from one thread at a time; the lock only makes that safe to rely on. */
    private final class FanOut implements BatchSink {
        private final Map<Analysis.Trending, Ranking> lastRankings = new HashMap<>();

        @Override
        public synchronized void accept(StreamOutput output) {
            StreamOutput shown = output;
            if (output instanceof Ranking ranking) {
                Ranking previous = lastRankings.put(ranking.trending(), ranking);
                shown = previous == null ? ranking : ranking.after(previous);
            }
            for (BatchSink sink : sinks) {
                try {
                    sink.accept(shown);
                } catch (RuntimeException e) {
                    sinkFailures.accept(Rejection.of("sink " + sink.getClass().getSimpleName(),
                            "could not take the " + output.getClass().getSimpleName() + " of "
                                    + output.time().toEpochMilli() + " ms: " + e));
                }
            }
        }
    }
}
