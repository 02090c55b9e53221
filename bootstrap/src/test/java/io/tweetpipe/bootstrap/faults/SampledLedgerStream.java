package io.tweetpipe.bootstrap.faults;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.di.StreamModule;
import javax.inject.Singleton;

/** The stream process's graph, asking of each batch what the console asks: its count and ten records. */
@Singleton
@Component(modules = {StreamModule.class, SampledLedgerModule.class})
interface SampledLedgerStream {

    ProcessTweetStreamUseCase processTweetStream();

    Ledger ledger();

    @Component.Factory
    interface Factory {
        SampledLedgerStream create(@BindsInstance PipelineConfig config);
    }
}
