package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.batch.BatchFigures;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.apache.spark.streaming.scheduler.BatchInfo;
import org.apache.spark.streaming.scheduler.StreamingListener;
import org.apache.spark.streaming.scheduler.StreamingListenerBatchCompleted;
import scala.Option;

/** Turns Spark's report of a completed batch into the domain's {@link BatchFigures}. Lives on the driver. */
final class FiguresListener implements StreamingListener {

    private final OrderedSink sink;

    FiguresListener(OrderedSink sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void onBatchCompleted(StreamingListenerBatchCompleted completed) {
        sink.figures(figures(completed.batchInfo()));
    }

    static BatchFigures figures(BatchInfo info) {
        return new BatchFigures(Instant.ofEpochMilli(info.batchTime().milliseconds()), info.numRecords(),
                Duration.ofMillis(millis(info.processingDelay())), Duration.ofMillis(millis(info.schedulingDelay())));
    }

    /** Spark's {@code Option[Long]} as Java sees it; a delay not known (yet) counts as none. */
    private static long millis(Option<Object> delay) {
        return delay.isDefined() ? ((Number) delay.get()).longValue() : 0L;
    }
}
