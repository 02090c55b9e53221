package io.tweetpipe.application.contract;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.vavr.collection.List;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What every {@link BatchSink} must do: show what print() shows, in order, for any batch. */
public abstract class BatchSinkContract {

    protected abstract BatchSink sink();

    /** Everything the sink has shown so far, as text. */
    protected abstract String shown();

    @Test
    void givenBatch_accept_showsItsPrintedRecordsInOrder() {
        BatchSink sink = sink();
        List<String> records = List.range(0, 12).map(i -> "record number " + i);

        sink.accept(new Batch(Instant.ofEpochMilli(1_000), 12, records));

        String text = shown();
        int last = -1;
        for (String record : records.take(Batch.PRINTED)) {
            int at = text.indexOf(record + "\n", last + 1);
            assertTrue(at > last, () -> "'" + record + "' missing or out of order in:\n" + text);
            last = at;
        }
    }

    @Test
    void givenBatchesAndFigures_accept_showsBatchesInTheOrderTheyCame() {
        BatchSink sink = sink();

        sink.accept(new Batch(Instant.ofEpochMilli(2_000), 1, List.of("first batch's record")));
        sink.accept(new BatchFigures(Instant.ofEpochMilli(2_000), 1, Duration.ofMillis(5), Duration.ZERO));
        sink.accept(new Batch(Instant.ofEpochMilli(3_000), 0, List.empty()));
        sink.accept(new Batch(Instant.ofEpochMilli(4_000), 1, List.of("third batch's record")));

        String text = shown();
        int first = text.indexOf("first batch's record\n");
        assertTrue(first >= 0 && text.indexOf("third batch's record\n") > first, text);
    }
}
