package io.tweetpipe.bootstrap.di;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.adapters.web.Dashboard;
import io.vavr.control.Option;
import javax.inject.Singleton;

/** The stream processor process. */
@Singleton
@Component(modules = {StreamModule.class, ConsoleModule.class, DashboardModule.class})
public interface StreamComponent {

    ProcessTweetStreamUseCase processTweetStream();

    Option<Dashboard> dashboard();

    @Component.Factory
    interface Factory {
        StreamComponent create(@BindsInstance PipelineConfig config);
    }
}
