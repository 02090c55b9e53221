package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.Lazy;
import io.vavr.collection.Seq;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.Function3;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.State;
import org.apache.spark.streaming.StateSpec;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaMapWithStateDStream;
import org.apache.spark.streaming.api.java.JavaPairDStream;
import scala.Tuple2;

/**
 * Compiles a {@link StreamJob} to DStream operations, one output operation per analysis, registered in the job's
 * order (Spark runs a batch's output operations in that order, so that is the order results reach the sinks).
 *
 * <p>Every function handed to Spark holds domain values and numbers only: the analysis, the preprocessing, the
 * sink's key.
 */
final class SparkAnalyses {

    private SparkAnalyses() {
    }

    static void compile(JavaDStream<byte[]> chunks, StreamJob job, String sinkKey, Seq<RecordStore> stores) {
        // Decoded by each analysis that reads them: measured, decoding a record again costs less than keeping it
        // (serialized, a stream's cache() writes and reads back every record; as objects, Spark walks each one to
        // size it), and nothing of a batch outlives its outputs.
        Lazy<JavaDStream<TweetRecord>> records = Lazy.of(() -> SparkLearning.withPredictions(
                chunks.flatMap(new DecodeRecords(job.decoding())), job));
        for (Analysis analysis : job.analyses()) {
            if (analysis instanceof Analysis.Sample sample) {
                chunks.flatMap(new PreprocessFrames(job.decoding()))
                        .foreachRDD(new PublishBatch(sample.records(), sinkKey));
            } else if (analysis instanceof Analysis.Trending trending) {
                trends(records.get(), trending, sinkKey);
            } else if (analysis instanceof Analysis.RunningTotals totals) {
                totals(records.get(), totals, sinkKey);
            } else if (analysis instanceof Analysis.Sql sql) {
                JavaDStream<TweetRecord> input = sql.window().map(window -> records.get().window(
                        duration(window.length()), duration(window.slide()))).getOrElse(records.get());
                PublishQuery.prepare(input.context().sparkContext(), sql);
                input.foreachRDD(new PublishQuery(sql, sinkKey));
            } else if (analysis instanceof Analysis.Clusters clusters) {
                SparkLearning.clusters(records.get(), clusters, sinkKey);
            } else if (analysis instanceof Analysis.LanguageClassifier classifier) {
                SparkLearning.classifier(records.get(), classifier, sinkKey);
            } else if (analysis instanceof Analysis.ModelPredictions predictions) {
                SparkLearning.predictions(records.get(), predictions, sinkKey);
            } else {
                throw new IllegalArgumentException("no Spark operations for " + analysis);
            }
        }
        for (RecordStore store : stores) {
            records.get().foreachRDD(new StoreRecords(store));
        }
    }

    /**
     * The incremental window the Spark guide recommends: each slide adds the batches that entered and subtracts
     * those that left, rather than counting the whole window again; keys whose count falls to zero are dropped.
     * Each batch's counts are reduced and kept as the batch arrives, in the window's partitioning: left to Spark,
     * a slide's worth of batches would all be counted at the slide, in one batch, seconds late. Co-partitioned,
     * the window's own reductions need no shuffle.
     */
    private static void trends(JavaDStream<TweetRecord> records, Analysis.Trending trending, String sinkKey) {
        Window window = trending.window();
        Partitioner partitioner = new HashPartitioner(partitions(records));
        JavaPairDStream<String, Long> batchCounts = records.flatMap(new TrendKeys(trending))
                .mapToPair(key -> new Tuple2<>(key, 1L))
                .reduceByKey(Long::sum, partitioner)
                .persist(StorageLevel.MEMORY_ONLY_SER());
        batchCounts.foreachRDD(counts -> counts.foreachPartition(computedAndKept -> { }));
        batchCounts.reduceByKeyAndWindow(Long::sum, (in, out) -> in - out, duration(window.length()),
                        duration(window.slide()), partitioner, counted -> counted._2() > 0)
                .foreachRDD(new PublishRanking(trending, sinkKey));
    }

    /**
     * One state for hashtags and authors, keyed {@code #tag} and {@code @author}: Spark times out a key not updated
     * for the idle timeout when it checkpoints the state, which it is told to do every sweep.
     */
    private static void totals(JavaDStream<TweetRecord> records, Analysis.RunningTotals totals, String sinkKey) {
        JavaMapWithStateDStream<String, Long, Long, String> counts = records.flatMapToPair(new TotalsKeys())
                .reduceByKey(Long::sum)
                .mapWithState(StateSpec.function(new CountSinceStart()).timeout(duration(totals.idleTimeout())));
        counts.checkpoint(duration(totals.sweep()));
        counts.stateSnapshots().foreachRDD(new PublishTotals(totals, sinkKey));
    }

    private static int partitions(JavaDStream<?> stream) {
        return stream.context().sparkContext().defaultParallelism();
    }

    static Duration duration(java.time.Duration duration) {
        return Durations.milliseconds(duration.toMillis());
    }

    /** Adds a batch's count to a key's running count; a key timing out keeps its count until Spark removes it. */
    static final class CountSinceStart implements Function3<String, Optional<Long>, State<Long>, String> {
        @Override
        public String call(String key, Optional<Long> seen, State<Long> state) {
            if (!state.isTimingOut()) {
                state.update((state.exists() ? state.get() : 0L) + seen.orElse(0L));
            }
            return key;
        }
    }
}
