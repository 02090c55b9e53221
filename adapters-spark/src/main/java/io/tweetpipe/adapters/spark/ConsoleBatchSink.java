package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.StreamOutput;
import java.io.PrintStream;
import java.util.Objects;

/**
 * Prints each batch exactly as Spark's {@code DStream.print()} does (the seed's {@code pprint()}): a time header,
 * the first ten records, "..." when there are more, a blank line. Each batch's figures follow on one line.
 */
public final class ConsoleBatchSink implements BatchSink {

    static final String RULE = "-------------------------------------------";

    private final PrintStream out;

    public ConsoleBatchSink(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public synchronized void accept(StreamOutput output) {
        if (output instanceof Batch batch) {
            print(batch);
        } else if (output instanceof BatchFigures figures) {
            print(figures);
        }
        out.flush();
    }

    private void print(Batch batch) {
        out.println(RULE);
        out.println("Time: " + batch.time().toEpochMilli() + " ms");
        out.println(RULE);
        batch.printed().forEach(out::println);
        if (batch.hasMoreThanPrinted()) {
            out.println("...");
        }
        out.println();
    }

    private void print(BatchFigures figures) {
        out.println("batch " + figures.time().toEpochMilli() + " ms: " + figures.records() + " records, processed in "
                + figures.processing().toMillis() + " ms, scheduling delay " + figures.schedulingDelay().toMillis()
                + " ms");
    }
}
