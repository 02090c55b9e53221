package io.tweetpipe.bootstrap.bench;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.di.DashboardModule;
import io.tweetpipe.bootstrap.di.StreamModule;
import javax.inject.Singleton;

/**
 * tweetpipe's stream process, its own {@link StreamModule}, stores and {@link DashboardModule}, with the benchmark's
 * console sink.
 */
@Singleton
@Component(modules = {StreamModule.class, BenchConsoleModule.class, DashboardModule.class})
interface BenchStreamComponent {

    ProcessTweetStreamUseCase processTweetStream();

    @Component.Factory
    interface Factory {
        BenchStreamComponent create(@BindsInstance PipelineConfig config);
    }
}
