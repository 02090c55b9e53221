package io.tweetpipe.bootstrap.faults;

import dagger.Module;
import dagger.Provides;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.bootstrap.di.RecordsPerBatch;
import io.tweetpipe.domain.batch.Batch;
import javax.inject.Singleton;

/**
 * The console swapped for a {@link Ledger} that is shown what the console is shown: each batch's count and its first
 * ten records. The job then does what the product's does, no more; the ledger counts records by the batches' counts.
 */
@Module
abstract class SampledLedgerModule {

    private SampledLedgerModule() {
    }

    @Provides
    @Singleton
    static Ledger ledger() {
        return new Ledger();
    }

    @Provides
    static BatchSink batchSink(Ledger ledger) {
        return ledger;
    }

    @Provides
    @RecordsPerBatch
    static int recordsPerBatch() {
        return Batch.PRINTED;
    }
}
