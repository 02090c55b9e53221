package io.tweetpipe.bootstrap.faults;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.di.StreamModule;
import io.tweetpipe.bootstrap.testing.CaptureModule;
import javax.inject.Singleton;

/** The stream process's graph with the console swapped for a capture: for bytes that are not sequenced tweets. */
@Singleton
@Component(modules = {StreamModule.class, CaptureModule.class})
interface CapturingStream {

    ProcessTweetStreamUseCase processTweetStream();

    CapturingBatchSink capture();

    @Component.Factory
    interface Factory {
        CapturingStream create(@BindsInstance PipelineConfig config);
    }
}
