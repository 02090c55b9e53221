package io.tweetpipe.bootstrap.faults;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.di.RecordsPerBatch;
import io.tweetpipe.bootstrap.di.StreamModule;
import javax.inject.Singleton;

/**
 * The stream process's graph, every real part (Spark on local[2], the receiver), counting into a ledger that is
 * shown {@code recordsPerBatch} records of each batch.
 */
@Singleton
@Component(modules = {StreamModule.class, LedgerModule.class})
interface LedgerStream {

    ProcessTweetStreamUseCase processTweetStream();

    Ledger ledger();

    @Component.Factory
    interface Factory {
        LedgerStream create(@BindsInstance PipelineConfig config,
                            @BindsInstance @RecordsPerBatch int recordsPerBatch);
    }
}
