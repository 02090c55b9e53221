package io.tweetpipe.bootstrap.bench;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.bootstrap.di.RecordsPerBatch;
import io.tweetpipe.domain.batch.Batch;

/** The console, as in tweetpipe's stream process, with a count line per batch for the harness. */
@Module
abstract class BenchConsoleModule {

    private BenchConsoleModule() {
    }

    @Provides
    @IntoSet
    static BatchSink batchSink() {
        return new CountingConsoleSink(System.out);
    }

    @Provides
    @RecordsPerBatch
    static int recordsPerBatch() {
        return Batch.PRINTED;
    }
}
