package io.tweetpipe.application.memory;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.StreamOutput;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Duration;

/** Keeps everything the stream processor outputs, for tests to read. Thread-safe. */
public final class CapturingBatchSink implements BatchSink {

    private List<StreamOutput> outputs = List.empty();

    @Override
    public synchronized void accept(StreamOutput output) {
        outputs = outputs.append(output);
        notifyAll();
    }

    public synchronized Seq<StreamOutput> outputs() {
        return outputs;
    }

    public synchronized Seq<Batch> batches() {
        return outputs.filter(Batch.class::isInstance).map(Batch.class::cast);
    }

    public synchronized Seq<BatchFigures> figures() {
        return outputs.filter(BatchFigures.class::isInstance).map(BatchFigures.class::cast);
    }

    /** Every record shown to the sink, batch after batch. */
    public synchronized Seq<String> records() {
        return batches().flatMap(Batch::head);
    }

    /** Waits until at least {@code count} records arrived or the timeout passed; returns the records either way. */
    public synchronized Seq<String> awaitRecords(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (records().size() < count) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                break;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        return records();
    }
}
