package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.ClassifierAccuracy;
import io.tweetpipe.domain.batch.ClusterSummary;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.learning.Accuracy;
import io.tweetpipe.domain.learning.Contingency;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The streaming learners in the real engine: the bundled sample on the structured wire (which carries each tweet's
 * language), 100 tweets a batch in file order, both analyses in one job.
 */
class SparkLearningTest {

    private static final int PER_BATCH = 100;
    private static final Duration BATCH = Duration.ofMillis(200);
    private static final Analysis.LanguageClassifier CLASSIFIER = new Analysis.LanguageClassifier();
    private static final Analysis.Clusters CLUSTERS = new Analysis.Clusters(9, Duration.ofSeconds(1));

    private static Seq<ClassifierAccuracy> curve;
    private static Seq<ClusterSummary> summaries;

    @BeforeAll
    static void runTheSampleThroughBothLearners() throws Exception {
        Seq<Seq<byte[]>> batches = Vector.ofAll(BundledSample.tweets().grouped(PER_BATCH))
                .map(batch -> BundledSample.chunks(batch, PER_BATCH / 2));
        CapturingBatchSink sink = new CapturingBatchSink();
        RunningStream running = new SparkStreamEngine(TestSettings.reading(5555, BATCH), ScheduledInput.of(batches))
                .start(new StreamJob(Preprocessing.standard(), List.of(CLASSIFIER, CLUSTERS)), sink)
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        try {
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while (sink.figures().size() < batches.size() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        } finally {
            running.stop();
        }
        Instant first = sink.figures().head().time();
        Seq<StreamOutput> results = sink.outputs().filter(output -> !(output instanceof BatchFigures))
                .filter(output -> Duration.between(first, output.time()).toMillis() < batches.size() * BATCH.toMillis());
        curve = results.filter(ClassifierAccuracy.class::isInstance).map(ClassifierAccuracy.class::cast);
        summaries = results.filter(ClusterSummary.class::isInstance).map(ClusterSummary.class::cast);
    }

    @Test
    void givenTheBundledSample_classifier_isRightNineTimesInTenAfterTwoThousandTweets() {
        System.out.println("online classifier, test-then-train, batches of " + PER_BATCH + " tweets:");
        curve.zipWithIndex().forEach(point -> System.out.println("  after " + (point._2() + 1) * PER_BATCH
                + " tweets: batch " + point._1().batch() + ", cumulative " + point._1().cumulative()));
        assertEquals(30, curve.size());
        assertEquals(PER_BATCH, curve.head().unjudged(), "the first batch is learnt from, with nothing to judge it");
        assertEquals(Accuracy.NONE, curve.head().batch());
        Accuracy afterTwoThousand = curve.get(19).cumulative();
        assertEquals(1_900, afterTwoThousand.judged());
        assertTrue(afterTwoThousand.rate().get() >= 0.9, "cumulative accuracy after 2,000 tweets: " + afterTwoThousand);
        assertEquals(9, curve.last().languages());
    }

    /**
     * k = 9 over topic words. Each language's phrases use words of their own, so a cluster that follows topics also
     * follows language; what keeps purity below 1 is that nine clusters must hold English's several topics (38 % of
     * the tweets) and eight other languages, so some languages share one. A clustering blind to language scores the
     * largest language's share, about 0.40, and an adjusted Rand index of 0: the bounds ask for clusters that follow
     * language clearly beyond chance, with room for those merges.
     */
    @Test
    void givenTheBundledSample_clustersOfNine_followLanguage() {
        Contingency all = summaries.map(ClusterSummary::languages).fold(Contingency.EMPTY, Contingency::plus);
        Contingency lastTen = summaries.takeRight(10).map(ClusterSummary::languages)
                .fold(Contingency.EMPTY, Contingency::plus);
        System.out.printf(Locale.ROOT, "k-means, k = 9: purity %.3f, adjusted Rand index %.3f over %d tweets; "
                        + "last ten batches: purity %.3f, adjusted Rand index %.3f%n", all.purity(),
                all.adjustedRandIndex(), all.total(), lastTen.purity(), lastTen.adjustedRandIndex());
        summaries.last().clusters().forEach(cluster -> System.out.println("  " + cluster.id() + ": "
                + cluster.size() + " " + cluster.languages() + " " + cluster.topTerms()));
        assertEquals(30, summaries.size());
        assertEquals(List.rangeClosed(1, 9), summaries.last().clusters().map(ClusterSummary.Cluster::id));
        assertTrue(all.purity() >= 0.75, "purity " + all.purity());
        assertTrue(all.adjustedRandIndex() >= 0.3, "adjusted Rand index " + all.adjustedRandIndex());
    }

    /**
     * Cluster numbers stay with their tweets: each sizeable cluster of one language has the same language in the second
     * third of the stream as in the last (clusters that hold two languages are left out).
     */
    @Test
    void givenTheBundledSample_clusters_keepTheirNumbers() {
        Map<Integer, String> middle = mainLanguages(summaries.slice(10, 20));
        Map<Integer, String> end = mainLanguages(summaries.slice(20, 30));

        assertTrue(middle.size() >= 5, "sizeable clusters of one language: " + middle);
        assertEquals(middle.filterKeys(end::containsKey), end.filterKeys(middle::containsKey));
        assertTrue(middle.keySet().intersect(end.keySet()).size() >= 5, middle + " then " + end);
    }

    /** Each cluster's language over the batches, for clusters of at least 50 tweets, 80 % of them in one language. */
    private static Map<Integer, String> mainLanguages(Seq<ClusterSummary> summaries) {
        Contingency table = summaries.map(ClusterSummary::languages).fold(Contingency.EMPTY, Contingency::plus);
        return table.cells().filterValues(languages -> languages.values().sum().longValue() >= 50
                        && languages.values().max().get() >= 0.8 * languages.values().sum().longValue())
                .mapValues(languages -> languages.maxBy(Tuple2::_2).get()._1());
    }
}
