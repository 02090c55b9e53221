package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.KeyRule;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.learning.LabelledText;
import io.tweetpipe.domain.preprocessing.RecordDecoding;
import io.tweetpipe.domain.tweet.SampledTweet;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.control.Option;
import org.junit.jupiter.api.BeforeAll;

import io.tweetpipe.domain.analysis.StreamJob;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.tweetpipe.domain.preprocessing.Rules;
import io.vavr.Function1;
import io.vavr.collection.List;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.storage.StorageLevel;
import org.apache.spark.streaming.Durations;
import org.apache.spark.streaming.api.java.JavaStreamingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Everything that crosses into Spark, through Java serialization as Spark ships it to an executor: a job that runs
 * in local[2] can still fail on a cluster, where every function really is serialized.
 */
class SparkFunctionsSerializationTest {

    static <T> T roundTrip(T value) throws IOException, ClassNotFoundException {
        T copy = serializedAndBack(value);
        assertNotSame(value, copy);
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static <T> T serializedAndBack(T value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (T) in.readObject();
        }
    }

    private static final String RECEIVED = "\n  An Extended TWEET, with _\\_end and \\\\ and a\u2028break __end Next__end";

    @Test
    void givenTheKafkaRecordValue_roundTrip_takesTheFramesBytes() throws Exception {
        byte[] frame = "a tweet__end\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record =
                new org.apache.kafka.clients.consumer.ConsumerRecord<>("tweets", 1, 7L, "42", frame);

        assertSame(frame, roundTrip(new KafkaInput.RecordValue()).call(record));
    }

    @Test
    void givenTheStandardPreprocessing_roundTrip_preprocessesAlike() throws Exception {
        Preprocessing standard = Preprocessing.standard();

        assertEquals(standard.apply(RECEIVED), roundTrip(standard).apply(RECEIVED));
        assertEquals(List.of("an extended tweet, with __end and \\ and a break", "next"),
                roundTrip(standard).apply(RECEIVED));
    }

    @Test
    void givenAPreprocessingWithOneMoreRule_roundTrip_keepsTheRule() throws Exception {
        Function1<String, Boolean> aboutCovid = text -> text.contains("covid");
        Preprocessing filtered = Preprocessing.standard().withFilter(aboutCovid);

        assertEquals(List.of("covid news"), roundTrip(filtered).apply("COVID news__endother news__end"));
    }

    /** The standard rules are enum constants: each comes back as itself, so the one pass is taken on executors. */
    @Test
    void givenEachStandardRule_roundTrip_givesTheRuleItself() throws Exception {
        for (Object rule : List.of(Rules.SPLIT_ON_MARKER, Rules.UNESCAPE, Rules.NORMALISE_TEXT, Rules.LOWERCASE,
                Rules.TRIM, Rules.NOT_EMPTY)) {
            assertSame(rule, serializedAndBack(rule));
        }
    }

    @Test
    void givenATally_roundTrip_isEqualAndMergesAlike() throws Exception {
        BatchTally tally = BatchTally.empty(3).addAll(List.of("a", "b", "c", "d").map(SampledTweet::text).iterator());

        assertEquals(tally, roundTrip(tally));
        assertEquals(tally.merge(tally), roundTrip(tally).merge(roundTrip(tally)));
    }

    @Test
    void givenTheFlatMapFunction_roundTrip_preprocessesAlike() throws Exception {
        PreprocessFrames function = new PreprocessFrames(new RecordDecoding(Preprocessing.standard()));
        PreprocessFrames copy = roundTrip(function);

        byte[] chunk = RECEIVED.getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertEquals(List.ofAll(() -> function.call(chunk)), List.ofAll(() -> copy.call(chunk)));
        assertEquals(List.of("an extended tweet, with __end and \\ and a break", "next").map(SampledTweet::text),
                List.ofAll(() -> copy.call(chunk)));
        assertEquals(List.empty(), List.ofAll(() -> copy.call(null)), "a block's padding holds no record");
    }

    @Test
    void givenThePartitionTally_roundTrip_talliesAlike() throws Exception {
        TallyPartition function = new TallyPartition(2);

        BatchTally tally = roundTrip(function).call(List.of(new SampledTweet("x", Option.some("en")),
                SampledTweet.text("y"), SampledTweet.text("z")).iterator()).next();

        assertEquals(new BatchTally(2, 3, List.of(new SampledTweet("x", Option.some("en")), SampledTweet.text("y"))),
                tally);
    }

    @Test
    void givenTheOutputFunction_roundTrip_stillFindsItsSinkOnTheDriver() throws Exception {
        OrderedSink sink = OrderedSink.register(new CapturingBatchSink());
        try {
            PublishBatch function = roundTrip(new PublishBatch(10, sink.key()));

            assertTrue(function != null && OrderedSink.registered(sink.key()).contains(sink));
        } finally {
            sink.unregister();
        }
    }

    private static final Window WINDOW = new Window(java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(1));
    private static final Analysis.Trending WORDS =
            new Analysis.Trending(Subject.WORDS, WINDOW, 10, io.vavr.collection.HashSet.of("covid"));
    private static final Analysis.RunningTotals TOTALS = new Analysis.RunningTotals(
            java.time.Duration.ofMinutes(10), java.time.Duration.ofSeconds(10), 5);
    private static final Analysis.Sql SQL = new Analysis.Sql("SELECT lang, count(*) FROM tweets GROUP BY lang",
            io.vavr.control.Option.some(WINDOW));
    private static final Analysis.Clusters CLUSTERS = new Analysis.Clusters(3, java.time.Duration.ofSeconds(5));
    private static final Analysis.LanguageClassifier CLASSIFIER = new Analysis.LanguageClassifier();

    /** A small language model, for the analysis that applies one. */
    @TempDir
    static Path models;
    private static Analysis.ModelPredictions predictions;

    /** Every analysis there is, so that the graph below holds every function the analyses hand Spark. */
    private static StreamJob EVERY_ANALYSIS;

    @BeforeAll
    static void trainASmallModel() {
        String directory = models.resolve("model").toString();
        new SparkLanguageModels("local[2]").train(List.of(new LabelledText("the clinic opens late", "en"),
                new LabelledText("el metro iba lleno", "es")), List.empty(), directory)
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        predictions = new Analysis.ModelPredictions(directory);
        EVERY_ANALYSIS = new StreamJob(Preprocessing.standard(),
                List.of(new Analysis.Sample(10), WORDS, TOTALS, SQL, CLUSTERS, CLASSIFIER, predictions));
    }

    @Test
    void givenEachAnalysis_roundTrip_isEqual() throws Exception {
        assertEquals(EVERY_ANALYSIS, roundTrip(EVERY_ANALYSIS));
    }

    @Test
    void givenTheAnalysesFunctions_roundTrip_computeAlike() throws Exception {
        byte[] chunk = "Vaccine clinic open, vaccine queue long__end".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        TweetRecord record = EVERY_ANALYSIS.records(chunk).head();

        DecodeRecords decode = roundTrip(new DecodeRecords(EVERY_ANALYSIS.decoding()));
        KeyRule words = roundTrip(WORDS.keyRule());
        KeyRule totals = roundTrip(new TotalsKeys());

        assertEquals(List.of(record), List.ofAll(() -> decode.call(chunk)));
        assertEquals(List.of("vaccine", "clinic", "open", "vaccine", "queue", "long"),
                keys(words, record));
        assertEquals(List.empty(), keys(totals, record), "no entity, no author");
        DigestRecords digest = roundTrip(new DigestRecords(1, List.of(words, totals), true,
                TweetRows.named(java.util.Set.of("body"))));
        PartitionDigest digested = digest.call(List.of(record, record).iterator()).next();
        assertEquals(new BatchTally(1, 2, List.of(SampledTweet.of(record))), digested.tally());
        assertEquals(java.util.Map.of(new PartitionDigest.CountedKey(0, "vaccine"), 4L,
                new PartitionDigest.CountedKey(0, "clinic"), 2L, new PartitionDigest.CountedKey(0, "open"), 2L,
                new PartitionDigest.CountedKey(0, "queue"), 2L, new PartitionDigest.CountedKey(0, "long"), 2L),
                digested.counts());
        assertEquals(java.util.List.of(record.body()),
                scala.jdk.javaapi.CollectionConverters.asJava(digested.rows().get(0).toSeq()), "the body alone");
        assertEquals(true, roundTrip(new PartitionDigest.CountedKey.Of(0, 1))
                .call(new scala.Tuple2<>(new PartitionDigest.CountedKey(0, "x"), 1L)));
        assertNotNull(roundTrip(new SparkAnalyses.CountSinceStart()));
        assertNotNull(roundTrip(new PublishRanking(List.of(WORDS), 0, "key")));
        assertNotNull(roundTrip(new PublishTotals(TOTALS, "key")));
        assertNotNull(roundTrip(new PublishQuery(SQL, "key", TweetRows.named(java.util.Set.of("lang")))));
        assertNotNull(roundTrip(new StoreRecords(new CountingStore())));
    }

    @Test
    void givenTheLearningFunctions_roundTrip_computeAlike() throws Exception {
        TweetRecord record = new TweetRecord(Option.some(7L), Option.none(), Option.some("es"), Option.none(),
                "el metro iba lleno otra vez", false, io.tweetpipe.domain.tweet.Entities.NONE);
        StreamingClusters.TopicPoint point = roundTrip(new StreamingClusters.TopicPoint(CLUSTERS));
        org.apache.spark.mllib.linalg.Vector vector = new StreamingClusters.TopicPoint(CLUSTERS).call(record);
        org.apache.spark.mllib.clustering.KMeansModel centres = new org.apache.spark.mllib.clustering.KMeansModel(
                new org.apache.spark.mllib.linalg.Vector[] {vector,
                    org.apache.spark.mllib.linalg.Vectors.zeros(CLUSTERS.dimension())});

        assertEquals(vector, point.call(record));
        assertEquals(true, roundTrip(new StreamingClusters.HasTerms()).call(vector));
        assertEquals(vector, roundTrip(new StreamingClusters.Densified()).call(vector));
        io.tweetpipe.domain.learning.ClusterTally tally = roundTrip(new StreamingClusters.PlaceInClusters(CLUSTERS,
                centres)).call(List.of(record).iterator()).next();
        assertEquals(1, tally.size(0));
        assertEquals(io.vavr.collection.HashMap.of("es", 1L), tally.languages(0));
        io.tweetpipe.domain.learning.Prequential judged = roundTrip(new PrequentialClassifier.JudgeThenCount(
                CLASSIFIER, io.tweetpipe.domain.learning.NaiveBayesCounts.empty(CLASSIFIER.dimension()).model()))
                .call(List.of(record).iterator()).next();
        assertEquals(1, judged.unjudged());
        assertEquals(1, judged.learnt().documents("es"));
        PredictLanguage predict;
        try (org.apache.spark.sql.SparkSession session = org.apache.spark.sql.SparkSession.builder()
                .config(new SparkStreamEngine(TestSettings.reading(5555)).sparkConf()).getOrCreate()) {
            predict = SparkLanguageModels.load(session, predictions.modelDirectory()).get();
        }
        assertEquals(Option.some("es"), roundTrip(predict).call(record).predictedLang());
        assertEquals(io.vavr.Tuple.of(io.vavr.collection.HashMap.of("es", 1L),
                        new io.tweetpipe.domain.learning.Accuracy(1, 1)),
                roundTrip(new PublishPredictions.CountPredictions()).call(List.of(record.withPredictedLang("es"))
                        .iterator()).next());
        assertNotNull(roundTrip(new StreamingClusters(CLUSTERS, 5, "key")));
        assertNotNull(roundTrip(new PrequentialClassifier(CLASSIFIER, "key")));
        assertNotNull(roundTrip(new PublishPredictions(predictions, "key")));
    }

    /** A store that keeps a count, as a store keeps its settings: serializable, and nothing opened yet. */
    static final class CountingStore implements RecordStore {
        private long stored;

        @Override
        public void store(java.time.Instant batchTime, int partition, java.util.Iterator<TweetRecord> records) {
            records.forEachRemaining(record -> stored++);
        }
    }

    @Test
    void givenTheReceiver_roundTrip_keepsWhatItNeedsToConnect() throws Exception {
        FrameReceiver receiver = new FrameReceiver("127.0.0.1", 5555, 1 << 20, Duration.ofMillis(100),
                StorageLevel.MEMORY_AND_DISK_SER_2());

        FrameReceiver copy = roundTrip(receiver);

        assertEquals(StorageLevel.MEMORY_AND_DISK_SER_2(), copy.storageLevel());
        assertEquals("127.0.0.1:5555", copy.relay());
    }

    /** Runs an expected failure without Spark logging it, stack traces and all, at ERROR. */
    private static <T> T quietly(java.util.function.Supplier<T> failing) {
        java.util.List<String> loud = java.util.List.of("org.apache.spark.util.Utils",
                "org.apache.spark.streaming.StreamingContext", "org.apache.spark.streaming.receiver");
        java.util.Map<String, Level> before = new java.util.HashMap<>();
        loud.forEach(name -> before.put(name, LogManager.getLogger(name).getLevel()));
        loud.forEach(name -> Configurator.setLevel(name, Level.OFF));
        try {
            return failing.get();
        } finally {
            before.forEach(Configurator::setLevel);
        }
    }

    /**
     * With checkpointing on, Spark serializes the whole stream graph (receiver, functions, output) when the context
     * starts and refuses to start if any part is not serializable: the check a cluster makes, run locally. The first
     * context, whose output captures a sink, shows that the check bites.
     */
    @Test
    void givenCheckpointing_start_serializesTheWholeStreamGraph(@TempDir Path checkpoints) throws Exception {
        SparkLogging.quietUnlessConfigured();
        SparkStreamEngine engine = new SparkStreamEngine(TestSettings.reading(5555));
        SparkConf conf = engine.sparkConf();
        StreamJob plan = EVERY_ANALYSIS;
        try (JavaSparkContext spark = new JavaSparkContext(conf)) {
            JavaStreamingContext capturing = new JavaStreamingContext(spark, Durations.milliseconds(200));
            capturing.checkpoint(checkpoints.resolve("capturing").toString());
            CapturingBatchSink port = new CapturingBatchSink();
            capturing.receiverStream(new FrameReceiver("127.0.0.1", 5555, 100, Duration.ofMillis(100),
                            StorageLevel.MEMORY_AND_DISK_SER()))
                    .foreachRDD(rdd -> port.accept(BatchTally.empty(0).toBatch(Instant.EPOCH)));
            Exception refused = quietly(() -> assertThrows(Exception.class, capturing::start));
            assertTrue(String.valueOf(refused.getMessage()).toLowerCase(Locale.ROOT).contains("not serializable"),
                    refused::toString);  // and the context is stopped, the Spark context left running

            JavaStreamingContext ours = new JavaStreamingContext(spark, Durations.milliseconds(200));
            ours.checkpoint(checkpoints.resolve("ours").toString());
            engine.defineStream(ours, conf, plan, "key", List.of(new CountingStore()));
            ours.start();
            ours.stop(false, false);
        }
    }

    private static List<String> keys(KeyRule rule, TweetRecord record) {
        java.util.List<String> keys = new java.util.ArrayList<>();
        rule.keys(record, (text, from, to) -> keys.add(text.substring(from, to)));
        return List.ofAll(keys);
    }
}
