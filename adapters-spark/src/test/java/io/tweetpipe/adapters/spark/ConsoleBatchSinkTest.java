package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.application.contract.BatchSinkContract;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.ClassifierAccuracy;
import io.tweetpipe.domain.batch.ClusterSummary;
import io.tweetpipe.domain.batch.PredictedLanguages;
import io.tweetpipe.domain.learning.Accuracy;
import io.vavr.collection.HashMap;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.Totals;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.vavr.control.Option;
import io.vavr.collection.List;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsoleBatchSinkTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleBatchSink sink = new ConsoleBatchSink(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Lines as println writes them on this platform. */
    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static final String RULE = "-------------------------------------------";

    @Nested
    class Contract extends BatchSinkContract {
        @Override
        protected BatchSink sink() {
            return sink;
        }

        @Override
        protected String shown() {
            return printed().replace(System.lineSeparator(), "\n");
        }
    }

    @Test
    void givenMoreThanTenRecords_accept_printsTheFirstTenThenDotsAsDStreamPrintDoes() {
        sink.accept(new Batch(Instant.ofEpochMilli(1_732_442_400_000L), 25,
                List.range(0, 12).map(i -> "tweet " + i)));

        assertEquals(lines(RULE, "Time: 1732442400000 ms", RULE,
                "tweet 0", "tweet 1", "tweet 2", "tweet 3", "tweet 4", "tweet 5", "tweet 6", "tweet 7", "tweet 8",
                "tweet 9", "...", ""), printed());
    }

    @Test
    void givenExactlyTenRecords_accept_printsThemWithoutDots() {
        sink.accept(new Batch(Instant.ofEpochMilli(2_000), 10, List.range(0, 10).map(i -> "t" + i)));

        assertEquals(lines(RULE, "Time: 2000 ms", RULE,
                "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", ""), printed());
    }

    @Test
    void givenAnEmptyBatch_accept_printsTheHeaderAndABlankLine() {
        sink.accept(new Batch(Instant.ofEpochMilli(3_000), 0, List.empty()));

        assertEquals(lines(RULE, "Time: 3000 ms", RULE, ""), printed());
    }

    @Test
    void givenFigures_accept_printsOneReadableLine() {
        sink.accept(new BatchFigures(Instant.ofEpochMilli(1_732_442_400_000L), 1234, Duration.ofMillis(85),
                Duration.ofMillis(3)));

        assertEquals(lines("batch 1732442400000 ms: 1234 records, processed in 85 ms, scheduling delay 3 ms"),
                printed());
    }

    private static final Analysis.Trending HASHTAGS = new Analysis.Trending(Subject.HASHTAGS,
            new Window(Duration.ofSeconds(60), Duration.ofSeconds(10)), 10);

    @Test
    void givenARankingAfterAnother_accept_printsAnAlignedTableWithTheChange() {
        Ranking before = new Ranking(Instant.ofEpochMilli(10_000), HASHTAGS,
                List.of(new Count("covid", 40), new Count("vaccine", 17)));
        Ranking now = new Ranking(Instant.ofEpochMilli(20_000), HASHTAGS,
                List.of(new Count("covid", 42), new Count("maskup", 17), new Count("vaccine", 17))).after(before);

        sink.accept(now);

        assertEquals(lines("Trending hashtags at 20000 ms (60s window sliding by 10s)",
                "rank  hashtag  count  change",
                "   1  covid       42      +2",
                "   2  maskup      17     new",
                "   3  vaccine     17       =",
                ""), printed());
    }

    @Test
    void givenTotals_accept_printsTheDistinctCountsAndTheTop() {
        sink.accept(new Totals(Instant.ofEpochMilli(5_000), List.of(new Count("covid", 420), new Count("vaccine", 12)),
                1234, 567));

        assertEquals(lines("Totals at 5000 ms: 1234 distinct hashtags, 567 distinct authors",
                "  most used since the start: #covid 420, #vaccine 12"), printed());
    }

    @Test
    void givenQueryRows_accept_drawsThemAsDatasetShowDoes() {
        Analysis.Sql sql = new Analysis.Sql("SELECT lang, count(*) AS n FROM tweets GROUP BY lang", Option.none());
        sink.accept(new QueryRows(Instant.ofEpochMilli(7_000), sql, List.of("lang", "n"),
                List.of(List.of("en", "97"), List.of("null", "3"), List.of("a very long value indeed", "1")), true));

        assertEquals(lines("Query at 7000 ms:",
                "+--------------------+---+",
                "|                lang|  n|",
                "+--------------------+---+",
                "|                  en| 97|",
                "|                null|  3|",
                "|a very long value...|  1|",
                "+--------------------+---+",
                "only showing top 20 rows",
                ""), printed());
    }

    private static final Analysis.Clusters CLUSTERS = new Analysis.Clusters(3, Duration.ofSeconds(30));

    @Test
    void givenClusters_accept_printsATableOfClustersAndTheirAgreementWithLanguage() {
        sink.accept(new ClusterSummary(Instant.ofEpochMilli(8_000), CLUSTERS, List.of(
                new ClusterSummary.Cluster(1, 42, 310.25, List.of("clinic", "street"),
                        HashMap.of("en", 40L, "es", 1L, "fr", 1L, "de", 0L)),
                new ClusterSummary.Cluster(2, 7, 12.0, List.of("metro"), HashMap.of("es", 7L)),
                new ClusterSummary.Cluster(3, 0, 0.5, List.empty(), HashMap.empty())), 4));

        assertEquals(lines("Clusters at 8000 ms (k-means, k = 3, half-life 30 s): 49 tweets placed, 4 in no cluster",
                "cluster    size    weight  languages                  top terms",
                "      1      42     310.3  en 40, es 1, fr 1, 1 more  clinic, street",
                "      2       7      12.0  es 7                       metro",
                "      3       0       0.5  -",
                "  agreement with language over 49 tweets: purity 0.959, adjusted Rand index 0.816",
                ""), printed());
    }

    @Test
    void givenClustersBeforeTheFirstCentres_accept_saysWhy() {
        sink.accept(new ClusterSummary(Instant.ofEpochMilli(8_000), new Analysis.Clusters(3, Duration.ofMillis(1500)),
                List.empty(), 2));

        assertEquals(lines("Clusters at 8000 ms (k-means, k = 3, half-life 1500 ms): 0 tweets placed, 2 in no "
                + "cluster",
                "  (no centres yet: they come from the first batch with enough distinct tweets)", ""), printed());
    }

    @Test
    void givenClassifierAccuracy_accept_printsTheBatchAndSinceTheStartOnOneLine() {
        sink.accept(new ClassifierAccuracy(Instant.ofEpochMilli(9_000), new Analysis.LanguageClassifier(),
                new Accuracy(97, 100), new Accuracy(1_856, 1_900), 100, 3, 9));

        assertEquals(lines("Classifier at 9000 ms: this batch 0.970 (97 of 100), since the start 0.977 (1,856 of "
                + "1,900), 9 languages known, 100 learnt before the first prediction, 3 without a language"),
                printed());
    }

    @Test
    void givenPredictedLanguages_accept_printsThemMostFirstWithTheAgreement() {
        Analysis.ModelPredictions model = new Analysis.ModelPredictions("model");
        sink.accept(new PredictedLanguages(Instant.ofEpochMilli(9_000), model, HashMap.of("es", 2L, "en", 5L,
                "de", 2L), new Accuracy(8, 9)));
        sink.accept(new PredictedLanguages(Instant.ofEpochMilli(10_000), model, HashMap.empty(), Accuracy.NONE));

        assertEquals(lines("Predicted languages at 9000 ms: en 5, de 2, es 2; agreeing with the tweets' own 0.889 "
                + "(8 of 9)", "Predicted languages at 10000 ms: (no tweets)"), printed());
    }
}
