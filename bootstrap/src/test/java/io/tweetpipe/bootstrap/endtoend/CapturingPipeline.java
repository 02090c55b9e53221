package io.tweetpipe.bootstrap.endtoend;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.di.Pipeline;
import io.tweetpipe.bootstrap.di.RelayModule;
import io.tweetpipe.bootstrap.di.StreamModule;
import io.tweetpipe.bootstrap.testing.CaptureModule;
import javax.inject.Singleton;

/** The demo's graph, every real part, with the sink swapped for a capture. */
@Singleton
@Component(modules = {RelayModule.class, StreamModule.class, CaptureModule.class})
interface CapturingPipeline extends Pipeline {

    CapturingBatchSink capture();

    @Component.Factory
    interface Factory {
        CapturingPipeline create(@BindsInstance PipelineConfig config);
    }
}
