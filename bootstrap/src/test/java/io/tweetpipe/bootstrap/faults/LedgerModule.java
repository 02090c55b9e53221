package io.tweetpipe.bootstrap.faults;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.tweetpipe.application.port.out.BatchSink;
import javax.inject.Singleton;

/**
 * The console swapped for a {@link Ledger}. How much of each batch it is shown is the component's to say: every
 * record, so that each is checked, or what the console is shown (the count and ten records), so that the job does
 * what the product's does.
 */
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
    @IntoSet
    static BatchSink batchSink(Ledger ledger) {
        return ledger;
    }
}
