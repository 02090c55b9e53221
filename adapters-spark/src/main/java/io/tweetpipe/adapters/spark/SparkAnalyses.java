package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.KeyRule;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.tweetpipe.adapters.spark.PartitionDigest.CountedKey;
import io.vavr.Lazy;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;
import org.apache.spark.HashPartitioner;
import org.apache.spark.Partitioner;
import org.apache.spark.SparkContext;
import org.apache.spark.api.java.Optional;
import org.apache.spark.api.java.function.Function3;
import org.apache.spark.sql.Row;
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
 * Compiles a {@link StreamJob} to DStream operations, an output operation per analysis (one for consecutive trends
 * that share a window), registered in the job's order: Spark runs a batch's output operations in that order, so that
 * is the order results reach the sinks.
 *
 * <p>Every function handed to Spark holds domain values and numbers only: the analysis, the preprocessing, the
 * sink's key.
 */
final class SparkAnalyses {

    /** How many slides of a window between two of its checkpoints: the Spark guide's advice is five to ten. */
    static final int CHECKPOINT_SLIDES = 5;

    private SparkAnalyses() {
    }

    /**
     * @param kept how what a window keeps of each batch (counts, rows) is stored: like the received blocks it stands
     *             for, which are removed once the batch is done, so never dropped from memory without a copy on disk
     * @param partitions how many partitions a batch's work is cut into: the cores its tasks have
     */
    static void compile(JavaDStream<byte[]> chunks, StreamJob job, String sinkKey, Seq<RecordStore> stores,
            StorageLevel kept, int partitions) {
        // Decoded again by each output that reads records beside the counting analyses and the queries (learning,
        // stores): measured, decoding a record again costs less than keeping it (serialized, a stream's cache()
        // writes and reads back every record; as objects, Spark walks each one to size it).
        Lazy<JavaDStream<TweetRecord>> records = Lazy.of(() -> SparkLearning.withPredictions(
                chunks.transform(new InOrderPartitions(partitions)).flatMap(new DecodeRecords(job.decoding())),
                job));
        Digests digests = new Digests(records, job, kept, partitions);
        int counted = 0;
        Seq<Analysis> analyses = job.analyses();
        while (analyses.nonEmpty()) {
            Analysis analysis = analyses.head();
            analyses = analyses.tail();
            if (analysis instanceof Analysis.Sample sample) {
                digests.tallies(chunks, job).foreachRDD(new PublishBatch(sample.records(), sinkKey));
            } else if (analysis instanceof Analysis.Trending trending) {
                // The trends that follow with the same window share its counts: one window, one checkpoint.
                Seq<Analysis.Trending> sharing = analyses.takeWhile(next -> next instanceof Analysis.Trending other
                        && other.window().equals(trending.window())).map(Analysis.Trending.class::cast)
                        .prepend(trending);
                analyses = analyses.drop(sharing.size() - 1);
                trends(digests.counts(counted, counted + sharing.size()), sharing, counted,
                        digests.partitioner.get(), sinkKey);
                counted += sharing.size();
            } else if (analysis instanceof Analysis.RunningTotals totals) {
                totals(digests.counts(counted, counted + 1), totals, sinkKey);
                counted++;
            } else if (analysis instanceof Analysis.Sql sql) {
                digests.rows(sql.window()).foreachRDD(new PublishQuery(sql, sinkKey, digests.columnsRead.get()));
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
        digests.releasedAfterTheBatch();
        for (RecordStore store : stores) {
            records.get().foreachRDD(new StoreRecords(store));
        }
        chunks.foreachRDD(new ReleaseReceivedBlocks());
    }

    /**
     * One pass over a batch's records for the sample and every analysis that counts keys or queries rows, and what
     * they read of it: the tally, the counts of all the counting analyses, reduced in one shuffle as the batch
     * arrives, and the rows. A job that only samples has no records to decode: its frames are only preprocessed.
     */
    private static final class Digests {

        private final int sampled;
        private final Seq<KeyRule> keyRules;
        private final Seq<Analysis.Sql> queries;
        private final Lazy<BitSet> columnsRead;
        private final Lazy<JavaDStream<PartitionDigest>> digests;
        private final Lazy<JavaPairDStream<CountedKey, Long>> counts;
        private final Lazy<JavaDStream<Row>> rows;
        private final Lazy<JavaDStream<Row>> keptRows;
        private final Lazy<Partitioner> partitioner;

        Digests(Lazy<JavaDStream<TweetRecord>> records, StreamJob job, StorageLevel kept, int partitions) {
            sampled = job.analyses().filter(Analysis.Sample.class::isInstance)
                    .map(sample -> ((Analysis.Sample) sample).records()).max().getOrElse(0);
            keyRules = job.analyses().flatMap(Digests::keyRule);
            queries = job.analyses().filter(Analysis.Sql.class::isInstance).map(Analysis.Sql.class::cast);
            columnsRead = Lazy.of(() -> {
                SparkContext context = records.get().context().sparkContext();
                Set<String> read = new HashSet<>();
                queries.forEach(sql -> read.addAll(PublishQuery.prepare(context, sql)));
                return TweetRows.named(read);
            });
            digests = Lazy.of(() -> {
                JavaDStream<PartitionDigest> digest = records.get().mapPartitions(
                        new DigestRecords(sampled, keyRules, queries.nonEmpty(), columnsRead.get()));
                int readers = (sampled > 0 ? 1 : 0) + (keyRules.nonEmpty() ? 1 : 0) + (queries.nonEmpty() ? 1 : 0);
                return readers > 1 ? digest.persist(StorageLevel.MEMORY_ONLY()) : digest;
            });
            partitioner = Lazy.of(() -> new HashPartitioner(partitions));
            counts = Lazy.of(() -> {
                JavaPairDStream<CountedKey, Long> batchCounts = digests.get()
                        .flatMapToPair(digest -> digest.counts().entrySet().stream()
                                .map(count -> new Tuple2<>(count.getKey(), count.getValue())).iterator())
                        .reduceByKey(Long::sum, partitioner.get());
                keptAsEachBatchArrives(batchCounts.toJavaDStream(), kept);
                return batchCounts;
            });
            rows = Lazy.of(() -> digests.get().flatMap(digest -> digest.rows().iterator()));
            keptRows = Lazy.of(() -> {
                keptAsEachBatchArrives(rows.get(), kept);
                return rows.get();
            });
        }

        private static Option<KeyRule> keyRule(Analysis analysis) {
            return analysis instanceof Analysis.Trending trending ? Option.some(trending.keyRule())
                    : analysis instanceof Analysis.RunningTotals ? Option.some(new TotalsKeys()) : Option.none();
        }

        /** Each partition's tally of the batch, from the digest if another analysis reads it. */
        JavaDStream<BatchTally> tallies(JavaDStream<byte[]> chunks, StreamJob job) {
            return keyRules.isEmpty() && queries.isEmpty()
                    ? chunks.flatMap(new PreprocessFrames(job.decoding())).mapPartitions(new TallyPartition(sampled))
                    : digests.get().map(PartitionDigest::tally);
        }

        /** The batch's counts of the counting analyses at these positions among them, in the windows' partitioning. */
        JavaPairDStream<CountedKey, Long> counts(int from, int to) {
            return counts.get().filter(new CountedKey.Of(from, to));
        }

        /**
         * The batch's rows, or the window's: a window's rows are kept as each batch arrives, like the counts, so that
         * a slide does not decode its window's batches again.
         */
        JavaDStream<Row> rows(Option<Window> window) {
            return window.map(each -> keptRows.get().window(duration(each.length()), duration(each.slide())))
                    .getOrElse(rows);
        }

        /** Kept and computed as each batch arrives, by a job that does nothing else: windows read it later. */
        private static void keptAsEachBatchArrives(JavaDStream<?> stream, StorageLevel kept) {
            stream.persist(kept);
            stream.foreachRDD(batch -> batch.foreachPartition(computedAndKept -> { }));
        }

        /**
         * Registered after every analysis, so it runs last in each batch: a window over the counts or the rows would
         * otherwise keep each batch's digest cached for the whole window, though it reads only what came of it.
         */
        void releasedAfterTheBatch() {
            if (digests.isEvaluated()) {
                digests.get().foreachRDD(digest -> {
                    digest.unpersist(false);
                });
            }
        }
    }

    /**
     * The incremental window the Spark guide recommends: each slide adds the batches that entered and subtracts
     * those that left, rather than counting the whole window again; keys whose count falls to zero are dropped.
     * Each batch's counts are reduced and kept as the batch arrives, in the window's partitioning: left to Spark,
     * a slide's worth of batches would all be counted at the slide, in one batch, seconds late. Co-partitioned,
     * the window's own reductions need no shuffle. The window is checkpointed every five slides, as the guide
     * advises, rather than at every slide of ten seconds or less: each checkpoint is a job that writes the window.
     */
    private static void trends(JavaPairDStream<CountedKey, Long> batchCounts, Seq<Analysis.Trending> trends,
            int firstTag, Partitioner partitioner, String sinkKey) {
        Window window = trends.head().window();
        JavaPairDStream<CountedKey, Long> windowed = batchCounts.reduceByKeyAndWindow(Long::sum, (in, out) -> in - out,
                duration(window.length()), duration(window.slide()), partitioner, counted -> counted._2() > 0);
        windowed.checkpoint(duration(window.slide().multipliedBy(CHECKPOINT_SLIDES)));
        windowed.foreachRDD(new PublishRanking(trends, firstTag, sinkKey));
    }

    /**
     * One state for hashtags and authors, keyed {@code #tag} and {@code @author}: Spark times out a key not updated
     * for the idle timeout when it checkpoints the state, which it is told to do every sweep.
     */
    private static void totals(JavaPairDStream<CountedKey, Long> batchCounts, Analysis.RunningTotals totals,
            String sinkKey) {
        JavaMapWithStateDStream<String, Long, Long, String> counts = batchCounts
                .mapToPair(count -> new Tuple2<>(count._1().key(), count._2()))
                .mapWithState(StateSpec.function(new CountSinceStart()).timeout(duration(totals.idleTimeout())));
        counts.checkpoint(duration(totals.sweep()));
        counts.stateSnapshots().foreachRDD(new PublishTotals(totals, sinkKey));
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
