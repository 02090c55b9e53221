package io.tweetpipe.bootstrap.di;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.adapters.web.Dashboard;
import io.vavr.control.Option;
import javax.inject.Singleton;

/** Both programs in one process: what runs by default. */
@Singleton
@Component(modules = {RelayModule.class, StreamModule.class, ConsoleModule.class, DashboardModule.class})
public interface DemoComponent extends Pipeline {

    Option<Dashboard> dashboard();

    @Component.Factory
    interface Factory {
        DemoComponent create(@BindsInstance PipelineConfig config);
    }
}
