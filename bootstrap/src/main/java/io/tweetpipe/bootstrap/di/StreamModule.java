package io.tweetpipe.bootstrap.di;

import io.tweetpipe.domain.analysis.StreamJob;
import dagger.Module;
import dagger.Provides;
import io.tweetpipe.adapters.spark.SparkStreamEngine;
import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.application.service.ProcessTweetStreamService;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.domain.preprocessing.Preprocessing;

/** The seed's second program: Spark Streaming on the relay's socket, preprocessing, a sink. */
@Module
public abstract class StreamModule {

    private StreamModule() {
    }

    @Provides
    static StreamEngine streamEngine(PipelineConfig config) {
        return new SparkStreamEngine(config.spark().getOrElseThrow(() ->
                new IllegalStateException("the " + config.mode() + " mode's settings have no stream")));
    }

    @Provides
    static StreamJob plan(@RecordsPerBatch int recordsPerBatch) {
        return StreamJob.sampling(recordsPerBatch);
    }

    @Provides
    static ProcessTweetStreamUseCase processTweetStream(StreamEngine engine, StreamJob plan, BatchSink sink) {
        return new ProcessTweetStreamService(engine, plan, sink);
    }
}
