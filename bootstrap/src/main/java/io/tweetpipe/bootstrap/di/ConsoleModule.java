package io.tweetpipe.bootstrap.di;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.config.Storage;
import java.util.Set;
import io.tweetpipe.adapters.spark.ConsoleBatchSink;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.Batch;

/**
 * The outputs the user chose: batches and results to standard output, as the seed's {@code pprint()} prints (unless
 * the console is left out of {@code --sinks}), and what keeps them ({@link StorageModule}).
 */
@Module(includes = StorageModule.class)
public abstract class ConsoleModule {

    private ConsoleModule() {
    }

    @Provides
    @ElementsIntoSet
    static Set<BatchSink> console(Storage storage) {
        return storage.console() ? Set.of(new ConsoleBatchSink(System.out)) : Set.of();
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
