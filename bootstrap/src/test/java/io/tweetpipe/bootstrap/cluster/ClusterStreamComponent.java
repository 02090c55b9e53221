package io.tweetpipe.bootstrap.cluster;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.di.StreamModule;
import io.tweetpipe.bootstrap.testing.CaptureModule;
import javax.inject.Singleton;

/** tweetpipe's stream process ({@link StreamModule}, unchanged) with a capturing sink. */
@Singleton
@Component(modules = {StreamModule.class, CaptureModule.class})
interface ClusterStreamComponent {

    ProcessTweetStreamUseCase processTweetStream();

    CapturingBatchSink capture();

    @Component.Factory
    interface Factory {
        ClusterStreamComponent create(@BindsInstance PipelineConfig config);
    }
}
