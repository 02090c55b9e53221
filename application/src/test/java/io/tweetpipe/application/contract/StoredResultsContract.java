package io.tweetpipe.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.ClassifierAccuracy;
import io.tweetpipe.domain.batch.ClusterSummary;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.PredictedLanguages;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
import io.tweetpipe.domain.learning.Accuracy;
import io.vavr.collection.LinkedHashMap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * What every sink that stores results must do (files, each database), against memory's reference: each ranking,
 * totals and query result kept under its analysis and time, a result handed again (its batch run again after a
 * restart) replacing the earlier one rather than adding to it; the learning analyses' results (clusters, the
 * classifier's accuracy, a model's predictions) likewise, under their batch time. Results are compared as canonical lines, which each
 * adapter's test builds from what it reads back with the helpers below.
 */
public abstract class StoredResultsContract {

    protected static final Instant T1 = Instant.ofEpochMilli(1_795_493_534_000L);
    protected static final Instant T2 = T1.plusSeconds(10);
    public static final Analysis.Trending HASHTAGS = new Analysis.Trending(Subject.HASHTAGS,
            new Window(Duration.ofSeconds(60), Duration.ofSeconds(10)), 3);
    public static final Analysis.Trending WORDS = new Analysis.Trending(Subject.WORDS,
            new Window(Duration.ofSeconds(30), Duration.ofSeconds(10)), 3);
    public static final Analysis.Sql QUERY = new Analysis.Sql(
            "SELECT lang, count(*) AS n FROM tweets WHERE body <> 'it''s' GROUP BY lang", Option.none());
    public static final Analysis.Clusters CLUSTERS = new Analysis.Clusters(3, Duration.ofSeconds(30));
    public static final Analysis.LanguageClassifier CLASSIFIER = new Analysis.LanguageClassifier();
    public static final Analysis.ModelPredictions MODEL = new Analysis.ModelPredictions("models/language");

    protected abstract BatchSink sink() throws Exception;

    /** Every stored result as canonical lines ({@link #trend}, {@link #totals}, {@link #total}, {@link #queryRow}). */
    protected abstract Seq<String> storedLines() throws Exception;

    /** What a text becomes in the store's medium, as {@link RecordStoreContract#asStored} says. */
    protected String asStored(String text) {
        return text;
    }

    public static String trend(String analysis, Instant windowEnd, int rank, String key, long count) {
        return "trend " + analysis + " " + windowEnd.toEpochMilli() + " #" + rank + " " + key + " = " + count;
    }

    public static String totals(Instant time, long distinctHashtags, long distinctAuthors) {
        return "totals " + time.toEpochMilli() + " hashtags=" + distinctHashtags + " authors=" + distinctAuthors;
    }

    public static String total(Instant time, int rank, String hashtag, long count) {
        return "total " + time.toEpochMilli() + " #" + rank + " " + hashtag + " = " + count;
    }

    /** One row of a query's result; a value that is SQL's NULL shows as {@code <NULL>}. */
    public static String queryRow(String query, Instant time, int row, Seq<String> columns, Seq<String> values) {
        return "query " + query + " " + time.toEpochMilli() + " row " + row + ": "
                + columns.zip(values).map(cv -> cv._1 + "=" + Objects.requireNonNullElse(cv._2, "<NULL>"))
                .mkString(", ");
    }

    /** One cluster of a batch; its top terms in order. */
    public static String cluster(Instant time, int id, long size, double weight, Seq<String> topTerms) {
        return "cluster " + time.toEpochMilli() + " #" + id + " size=" + size + " weight=" + weight + " terms="
                + topTerms.mkString("[", ", ", "]");
    }

    public static String clusterLanguage(Instant time, int id, String language, long tweets) {
        return "cluster " + time.toEpochMilli() + " #" + id + " " + language + " = " + tweets;
    }

    public static String unclustered(Instant time, long tweets) {
        return "unclustered " + time.toEpochMilli() + " = " + tweets;
    }

    public static String classifier(Instant time, Accuracy batch, Accuracy cumulative, long unjudged,
                                    long unlabelled, int languages) {
        return "classifier " + time.toEpochMilli() + " batch " + batch.correct() + "/" + batch.judged()
                + " cumulative " + cumulative.correct() + "/" + cumulative.judged() + " unjudged=" + unjudged
                + " unlabelled=" + unlabelled + " languages=" + languages;
    }

    public static String predicted(Instant time, String language, long records) {
        return "predicted " + time.toEpochMilli() + " " + language + " = " + records;
    }

    public static String agreement(Instant time, String model, Accuracy agreement) {
        return "agreement " + time.toEpochMilli() + " " + model + " " + agreement.correct() + "/"
                + agreement.judged();
    }

    /** The lines a result stands for in a store whose medium keeps texts as {@code asStored} says. */
    public static Seq<String> lines(StreamOutput output, java.util.function.UnaryOperator<String> asStored) {
        if (output instanceof Ranking ranking) {
            return ranking.top().zipWithIndex().map(ci -> trend(ranking.trending().name(), ranking.time(),
                    ci._2 + 1, asStored.apply(ci._1.key()), ci._1.count()));
        }
        if (output instanceof Totals totals) {
            return List.of(totals(totals.time(), totals.distinctHashtags(), totals.distinctAuthors()))
                    .appendAll(totals.top().zipWithIndex().map(ci -> total(totals.time(), ci._2 + 1,
                            asStored.apply(ci._1.key()), ci._1.count())));
        }
        if (output instanceof QueryRows rows) {
            return rows.rows().zipWithIndex().map(ri -> queryRow(asStored.apply(rows.sql().query()), rows.time(),
                    ri._2 + 1, rows.columns().map(asStored), ri._1.map(v -> v == null ? null : asStored.apply(v))));
        }
        if (output instanceof ClusterSummary summary) {
            return List.of(unclustered(summary.time(), summary.unclustered())).appendAll(summary.clusters()
                    .flatMap(c -> List.of(cluster(summary.time(), c.id(), c.size(), c.weight(),
                            c.topTerms().map(asStored))).appendAll(c.languages().map(lc -> clusterLanguage(
                            summary.time(), c.id(), asStored.apply(lc._1), lc._2)))));
        }
        if (output instanceof ClassifierAccuracy accuracy) {
            return List.of(classifier(accuracy.time(), accuracy.batch(), accuracy.cumulative(), accuracy.unjudged(),
                    accuracy.unlabelled(), accuracy.languages()));
        }
        if (output instanceof PredictedLanguages predicted) {
            return List.of(agreement(predicted.time(), asStored.apply(predicted.model().modelDirectory()),
                    predicted.agreement())).appendAll(predicted.counts().map(lc -> predicted(predicted.time(),
                    asStored.apply(lc._1), lc._2)));
        }
        return List.empty();
    }

    private void assertStoredExactly(Seq<StreamOutput> latest) throws Exception {
        assertEquals(latest.flatMap(output -> lines(output, this::asStored)).sorted().toList(),
                storedLines().sorted().toList());
    }

    private static Ranking ranking(Analysis.Trending trending, Instant time, Count... top) {
        return new Ranking(time, trending, List.of(top));
    }

    private static ClusterSummary clusters(Instant time, long unclustered, ClusterSummary.Cluster... clusters) {
        return new ClusterSummary(time, CLUSTERS, List.of(clusters), unclustered);
    }

    private static ClusterSummary.Cluster cluster(int id, long size, double weight, List<String> terms,
                                                  String... languagesAndCounts) {
        return new ClusterSummary.Cluster(id, size, weight, terms, counts(languagesAndCounts));
    }

    /** Languages and their counts, in the order given: {@code "en", "30", "es", "10"}. */
    private static LinkedHashMap<String, Long> counts(String... languagesAndCounts) {
        LinkedHashMap<String, Long> counts = LinkedHashMap.empty();
        for (int i = 0; i < languagesAndCounts.length; i += 2) {
            counts = counts.put(languagesAndCounts[i], Long.parseLong(languagesAndCounts[i + 1]));
        }
        return counts;
    }

    private static ClassifierAccuracy accuracy(Instant time, long correct, long judged, long cumulativeCorrect,
                                               long cumulativeJudged) {
        return new ClassifierAccuracy(time, CLASSIFIER, new Accuracy(correct, judged),
                new Accuracy(cumulativeCorrect, cumulativeJudged), 100, 3, 9);
    }

    private static PredictedLanguages predictions(Instant time, long agreed, long judged, String... languagesAndCounts) {
        return new PredictedLanguages(time, MODEL, counts(languagesAndCounts), new Accuracy(agreed, judged));
    }

    @Test
    void givenLearningResults_accept_storesEachUnderItsBatchTime() throws Exception {
        BatchSink sink = sink();
        List<StreamOutput> outputs = List.of(
                clusters(T1, 4),  // before the first centres: no cluster yet
                clusters(T2, 1, cluster(0, 40, 57.25, List.of("vaccine", "dose"), "en", "30", "es", "10"),
                        cluster(1, 12, 0.1 + 0.2, List.of("fútbol"), "es", "12"),
                        cluster(2, 0, 3.5, List.of())),
                accuracy(T1, 0, 0, 0, 0),
                accuracy(T2, 95, 100, 95, 100),
                predictions(T1, 80, 90, "en", "60", "pt", "30", "und", "2"),
                predictions(T2, 0, 0));

        outputs.forEach(sink::accept);

        assertStoredExactly(outputs);
    }

    @Test
    void givenRankingsTotalsAndQueryRows_accept_storesEachUnderItsAnalysisAndTime() throws Exception {
        BatchSink sink = sink();
        List<StreamOutput> outputs = List.of(
                ranking(HASHTAGS, T1, new Count("covid", 12), new Count("vaccine", 7), new Count("mask", 7)),
                ranking(WORDS, T1, new Count("booster", 3)),
                new Totals(T1, List.of(new Count("covid", 40), new Count("vaccine", 2)), 17, 23),
                new QueryRows(T1, QUERY, List.of("lang", "n"), List.of(List.of("en", "12"), List.of(null, "3")),
                        false),
                ranking(HASHTAGS, T2, new Count("covid", 9)));

        outputs.forEach(sink::accept);

        assertStoredExactly(outputs);
    }

    @Test
    void givenHostileKeysAndValues_accept_storesThemAsTheStoreSaysItKeepsThem() throws Exception {
        BatchSink sink = sink();
        List<String> hostile = RecordStoreContract.hostileTexts().filter(text -> !text.isEmpty());
        LinkedHashMap<String, Long> hostileCounts = LinkedHashMap.ofEntries(hostile.zipWithIndex()
                .map(ti -> io.vavr.Tuple.of(ti._1, (long) ti._2 + 1)));
        List<StreamOutput> outputs = List.of(
                new Ranking(T1, HASHTAGS, hostile.zipWithIndex().map(ti -> new Count(ti._1, 100 - ti._2))),
                new QueryRows(T1, QUERY, List.of("body", "n"), hostile.map(text -> List.of(text, "1")), false),
                new ClusterSummary(T1, CLUSTERS, List.of(new ClusterSummary.Cluster(0, 3, 3.0, hostile,
                        hostileCounts)), 0),
                new PredictedLanguages(T1, new Analysis.ModelPredictions(hostile.head()), hostileCounts,
                        new Accuracy(1, 2)));

        outputs.forEach(sink::accept);

        assertStoredExactly(outputs);
    }

    @Test
    void givenTheSameResultsTwice_accept_storesThemOnce() throws Exception {
        BatchSink sink = sink();
        List<StreamOutput> outputs = List.of(ranking(HASHTAGS, T1, new Count("covid", 12), new Count("mask", 2)),
                new Totals(T1, List.of(new Count("covid", 40)), 1, 2),
                new QueryRows(T1, QUERY, List.of("lang", "n"), List.of(List.of("en", "12")), false),
                clusters(T1, 2, cluster(0, 5, 5.0, List.of("covid"), "en", "5")),
                accuracy(T1, 9, 10, 19, 20),
                predictions(T1, 3, 4, "en", "4"));

        outputs.forEach(sink::accept);
        outputs.forEach(sink::accept);  // the batch, run again after a restart

        assertStoredExactly(outputs);
    }

    @Test
    void givenAResultHandedAgainWithOtherRows_accept_keepsOnlyTheLatest() throws Exception {
        BatchSink sink = sink();
        Ranking first = ranking(HASHTAGS, T1, new Count("covid", 12), new Count("mask", 2));
        Ranking again = ranking(HASHTAGS, T1, new Count("covid", 13), new Count("vaccine", 5));
        QueryRows rows = new QueryRows(T1, QUERY, List.of("n"), List.of(List.of("1"), List.of("2")), false);
        QueryRows fewer = new QueryRows(T1, QUERY, List.of("n"), List.of(List.of("3")), false);

        ClusterSummary two = clusters(T1, 0, cluster(0, 5, 5.0, List.of("covid"), "en", "5"),
                cluster(1, 2, 2.0, List.of("gol"), "es", "2"));
        ClusterSummary one = clusters(T1, 7, cluster(0, 6, 6.0, List.of("mask"), "de", "6"));
        PredictedLanguages many = predictions(T1, 3, 4, "en", "3", "es", "1");
        PredictedLanguages single = predictions(T1, 4, 4, "en", "4");
        ClassifierAccuracy worse = accuracy(T1, 1, 10, 1, 10);
        ClassifierAccuracy better = accuracy(T1, 9, 10, 9, 10);

        List.of(first, rows, two, many, worse, again, fewer, one, single, better).forEach(sink::accept);

        assertStoredExactly(List.of(again, fewer, one, single, better));
    }

    @Test
    void givenSamplesAndFigures_accept_takesThemAndStoresNoResult() throws Exception {
        BatchSink sink = sink();

        sink.accept(new Batch(T1, 2, List.of("a record", "another")));
        sink.accept(new BatchFigures(T1, 2, Duration.ofMillis(5), Duration.ZERO));

        assertEquals(List.empty(), storedLines().toList());
    }
}
