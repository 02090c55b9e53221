package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Seq;
import java.time.Duration;
import java.util.function.BiConsumer;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * Runs learning analyses over scheduled batches of records on a local Spark, and returns what they published for
 * those batches, in batch order. Each analysis publishes once a batch; batches that queue behind slow ones still run
 * in order.
 */
final class LearningRun {

    static final Duration BATCH = Duration.ofMillis(200);

    private LearningRun() {
    }

    /**
     * @param compile defines the analyses on the records, publishing under the given sink key
     * @param outputsPerBatch how many results each batch publishes
     */
    static Seq<StreamOutput> run(Seq<Seq<TweetRecord>> batches, int outputsPerBatch,
                                 BiConsumer<JavaDStream<TweetRecord>, String> compile) throws InterruptedException {
        SparkLogging.quietUnlessConfigured();
        CapturingBatchSink sink = new CapturingBatchSink();
        OrderedSink ordered = OrderedSink.register(sink);
        try (JavaSparkContext spark = new JavaSparkContext(new SparkStreamEngine(TestSettings.reading(5555))
                .sparkConf())) {
            JavaStreamingContext context = new JavaStreamingContext(spark, Durations.milliseconds(BATCH.toMillis()));
            compile.accept(ScheduledRecords.of(context.ssc(), batches).cache(), ordered.key());
            context.addStreamingListener(new FiguresListener(ordered));  // else each result waits for them
            context.start();
            long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
            int expected = batches.size() * outputsPerBatch;
            while (results(sink).size() < expected && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            context.stop(false, false);
        } finally {
            ordered.unregister();
        }
        return results(sink).take(batches.size() * outputsPerBatch);
    }

    private static Seq<StreamOutput> results(CapturingBatchSink sink) {
        return sink.outputs().filter(output -> !(output instanceof BatchFigures));
    }
}
