package io.tweetpipe.bootstrap.di;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.tweetpipe.adapters.spark.ConsoleBatchSink;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.Batch;

/** Batches to standard output, as the seed's {@code pprint()} does. */
@Module
public abstract class ConsoleModule {

    private ConsoleModule() {
    }

    @Provides
    @IntoSet
    static BatchSink batchSink() {
        return new ConsoleBatchSink(System.out);
    }

    @Provides
    @RecordsPerBatch
    static int recordsPerBatch() {
        return Batch.PRINTED;
    }
}
