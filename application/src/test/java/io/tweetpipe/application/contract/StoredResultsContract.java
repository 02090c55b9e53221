package io.tweetpipe.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
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
 * restart) replacing the earlier one rather than adding to it. Results are compared as canonical lines, which each
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
        return List.empty();
    }

    private void assertStoredExactly(Seq<StreamOutput> latest) throws Exception {
        assertEquals(latest.flatMap(output -> lines(output, this::asStored)).sorted().toList(),
                storedLines().sorted().toList());
    }

    private static Ranking ranking(Analysis.Trending trending, Instant time, Count... top) {
        return new Ranking(time, trending, List.of(top));
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
        List<StreamOutput> outputs = List.of(
                new Ranking(T1, HASHTAGS, hostile.zipWithIndex().map(ti -> new Count(ti._1, 100 - ti._2))),
                new QueryRows(T1, QUERY, List.of("body", "n"), hostile.map(text -> List.of(text, "1")), false));

        outputs.forEach(sink::accept);

        assertStoredExactly(outputs);
    }

    @Test
    void givenTheSameResultsTwice_accept_storesThemOnce() throws Exception {
        BatchSink sink = sink();
        List<StreamOutput> outputs = List.of(ranking(HASHTAGS, T1, new Count("covid", 12), new Count("mask", 2)),
                new Totals(T1, List.of(new Count("covid", 40)), 1, 2),
                new QueryRows(T1, QUERY, List.of("lang", "n"), List.of(List.of("en", "12")), false));

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

        List.of(first, rows, again, fewer).forEach(sink::accept);

        assertStoredExactly(List.of(again, fewer));
    }

    @Test
    void givenSamplesAndFigures_accept_takesThemAndStoresNoResult() throws Exception {
        BatchSink sink = sink();

        sink.accept(new Batch(T1, 2, List.of("a record", "another")));
        sink.accept(new BatchFigures(T1, 2, Duration.ofMillis(5), Duration.ZERO));

        assertEquals(List.empty(), storedLines().toList());
    }
}
