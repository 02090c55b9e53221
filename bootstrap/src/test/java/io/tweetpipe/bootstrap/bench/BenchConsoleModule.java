package io.tweetpipe.bootstrap.bench;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.config.Storage;
import io.tweetpipe.bootstrap.di.RecordsPerBatch;
import io.tweetpipe.bootstrap.di.StorageModule;
import io.tweetpipe.domain.batch.Batch;

/**
 * The console, as in tweetpipe's stream process, with a count line per batch for the harness, always (the harness
 * reads it, whatever {@code --sinks} says), and the stores {@code --sinks} asks for besides.
 */
@Module(includes = StorageModule.class)
abstract class BenchConsoleModule {

    private BenchConsoleModule() {
    }

    @Provides
    @IntoSet
    static BatchSink batchSink() {
        return new CountingConsoleSink(System.out);
    }

    @Provides
    static Storage storage(PipelineConfig config) {
        return config.storage();
    }

    @Provides
    @RecordsPerBatch
    static int recordsPerBatch() {
        return Batch.PRINTED;
    }
}
