package io.tweetpipe.bootstrap.testing;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.di.Pipeline;
import io.tweetpipe.bootstrap.di.RelayModule;
import io.tweetpipe.bootstrap.di.StreamModule;
import javax.inject.Singleton;

/** The demo's graph (replay, relay, Spark), every real part, with the console swapped for a capture. */
@Singleton
@Component(modules = {RelayModule.class, StreamModule.class, CaptureModule.class})
public interface CapturingPipeline extends Pipeline {

    CapturingBatchSink capture();

    @Component.Factory
    interface Factory {
        CapturingPipeline create(@BindsInstance PipelineConfig config);
    }
}
