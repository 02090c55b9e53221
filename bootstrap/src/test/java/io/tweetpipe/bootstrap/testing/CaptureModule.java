package io.tweetpipe.bootstrap.testing;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.bootstrap.di.RecordsPerBatch;
import io.tweetpipe.domain.batch.BatchTally;
import javax.inject.Singleton;

/**
 * The console swapped for a capture that keeps every record of every batch, on the driver: for the test graphs
 * (end to end, faults, cluster) that assert on what the stream printed rather than read it off standard output.
 */
@Module
public abstract class CaptureModule {

    private CaptureModule() {
    }

    @Provides
    @Singleton
    static CapturingBatchSink capture() {
        return new CapturingBatchSink();
    }

    @Provides
    @IntoSet
    static BatchSink batchSink(CapturingBatchSink capture) {
        return capture;
    }

    @Provides
    @RecordsPerBatch
    static int recordsPerBatch() {
        return BatchTally.EVERYTHING;
    }
}
