package io.tweetpipe.bootstrap.dashboard;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.adapters.web.Dashboard;
import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.di.DashboardModule;
import io.tweetpipe.bootstrap.di.Pipeline;
import io.tweetpipe.bootstrap.di.RelayModule;
import io.tweetpipe.bootstrap.di.StreamModule;
import io.tweetpipe.bootstrap.testing.CaptureModule;
import io.vavr.control.Option;
import javax.inject.Singleton;

/** The demo's graph with the dashboard beside a capture. */
@Singleton
@Component(modules = {RelayModule.class, StreamModule.class, CaptureModule.class, DashboardModule.class})
public interface DashboardPipeline extends Pipeline {

    CapturingBatchSink capture();

    Option<Dashboard> dashboard();

    @Component.Factory
    interface Factory {
        DashboardPipeline create(@BindsInstance PipelineConfig config);
    }
}
