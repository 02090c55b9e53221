package io.tweetpipe.bootstrap.faults;

import dagger.Module;
import dagger.Provides;
import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.bootstrap.di.RecordsPerBatch;
import io.tweetpipe.domain.batch.BatchTally;
import javax.inject.Singleton;

/** The console swapped for a capture of every record, for runs whose records are not sequenced tweets. */
@Module
abstract class CaptureModule {

    private CaptureModule() {
    }

    @Provides
    @Singleton
    static CapturingBatchSink capture() {
        return new CapturingBatchSink();
    }

    @Provides
    static BatchSink batchSink(CapturingBatchSink capture) {
        return capture;
    }

    @Provides
    @RecordsPerBatch
    static int recordsPerBatch() {
        return BatchTally.EVERYTHING;
    }
}
