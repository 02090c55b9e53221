package io.tweetpipe.bootstrap.bench;

import io.tweetpipe.adapters.spark.ConsoleBatchSink;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.StreamOutput;
import java.io.PrintStream;

/**
 * tweetpipe's console output, exactly as a user sees it, plus one machine-readable line per batch and per figures
 * for the benchmark harness: the console shows ten records of a batch, not how many it held.
 */
final class CountingConsoleSink implements BatchSink {

    private final PrintStream out;
    private final ConsoleBatchSink console;

    CountingConsoleSink(PrintStream out) {
        this.out = out;
        this.console = new ConsoleBatchSink(out);
    }

    @Override
    public synchronized void accept(StreamOutput output) {
        console.accept(output);
        if (output instanceof Batch batch) {
            out.println("bench-batch " + batch.time().toEpochMilli() + " " + batch.count());
        } else if (output instanceof BatchFigures figures) {
            out.println("bench-figures " + figures.time().toEpochMilli() + " " + figures.records() + " "
                    + figures.processing().toMillis() + " " + figures.schedulingDelay().toMillis());
        }
        out.flush();
    }
}
