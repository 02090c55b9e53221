package io.tweetpipe.bootstrap.di;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import javax.inject.Singleton;

/** Both programs in one process: what runs by default. */
@Singleton
@Component(modules = {RelayModule.class, StreamModule.class, ConsoleModule.class})
public interface DemoComponent extends Pipeline {

    @Component.Factory
    interface Factory {
        DemoComponent create(@BindsInstance PipelineConfig config);
    }
}
