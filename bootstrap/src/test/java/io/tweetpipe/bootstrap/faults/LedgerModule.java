package io.tweetpipe.bootstrap.faults;

import dagger.Module;
import dagger.Provides;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.bootstrap.di.RecordsPerBatch;
import io.tweetpipe.domain.batch.BatchTally;
import javax.inject.Singleton;

/** The console swapped for a {@link Ledger}, which is shown every record of every batch. */
@Module
abstract class LedgerModule {

    private LedgerModule() {
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
        return BatchTally.EVERYTHING;
    }
}
