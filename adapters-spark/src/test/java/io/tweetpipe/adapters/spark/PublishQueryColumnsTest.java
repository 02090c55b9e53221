package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.TweetColumns;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.BitSet;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which columns a query reads: the rows hold no other, so a column missed here would read as NULL. */
class PublishQueryColumnsTest {

    private static SparkSession session;

    @BeforeAll
    static void startSpark() {
        SparkLogging.quietUnlessConfigured();
        session = SparkSession.builder().master("local[1]").appName("columns-read").config("spark.ui.enabled", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }

    @AfterAll
    static void stopSpark() {
        session.stop();
    }

    private static Set<String> read(String query) {
        return PublishQuery.prepare(session.sparkContext(), new Analysis.Sql(query, Option.none()));
    }

    @Test
    void givenAGroupBy_prepare_readsTheGroupedColumnAlone() {
        Set<String> read = read("SELECT lang, count(*) AS n FROM tweets GROUP BY lang ORDER BY n DESC");

        assertTrue(read.contains("lang"));
        assertFalse(read.contains("body") || read.contains("hashtags"), read.toString());
    }

    @Test
    void givenACount_prepare_readsNoColumn() {
        assertEquals(Set.of(), read("SELECT count(*) AS n FROM tweets"));
    }

    @Test
    void givenAStar_prepare_readsEveryColumn() {
        Set<String> every = Stream.of(TweetColumns.values()).map(TweetColumns::column).collect(Collectors.toSet());

        assertTrue(read("SELECT * FROM tweets").containsAll(every));
    }

    @Test
    void givenColumnsOnlyInSubqueriesAndCommonTables_prepare_readsThem() {
        Set<String> read = read("WITH tagged AS (SELECT author FROM tweets WHERE size(hashtags) > 0) "
                + "SELECT count(*) FROM tweets t WHERE EXISTS (SELECT 1 FROM tagged g WHERE g.author = t.author) "
                + "AND t.id IN (SELECT id FROM tweets WHERE extended) "
                + "AND exists(t.mentions, m -> m = 'who')");

        assertTrue(read.containsAll(Set.of("author", "hashtags", "id", "extended", "mentions")), read.toString());
        assertFalse(read.contains("body"), read.toString());
    }

    @Test
    void givenTheColumnsRead_aViewOfThemAlone_answersAsTheWholeView() {
        java.util.List<TweetRecord> tweets = java.util.List.of(
                tweet(1, "en", "ana", "#vaccine works", List.of("vaccine"), List.of("who")),
                tweet(2, "es", "bea", "vacuna hoy", List.of(), List.of()),
                tweet(3, "en", "ana", "clinic open", List.of("clinic"), List.of()));
        for (String query : List.of("SELECT lang, count(*) AS n FROM tweets GROUP BY lang ORDER BY lang",
                "WITH tagged AS (SELECT author FROM tweets WHERE size(hashtags) > 0) SELECT t.id FROM tweets t "
                        + "WHERE EXISTS (SELECT 1 FROM tagged g WHERE g.author = t.author) ORDER BY t.id",
                "SELECT count(*) AS n FROM tweets")) {
            BitSet every = new BitSet();
            every.set(0, TweetColumns.values().length);
            BitSet read = TweetRows.named(read(query));

            assertEquals(answer(query, tweets, every), answer(query, tweets, read), query);
            assertTrue(read.cardinality() < every.cardinality(), query);
        }
    }

    private static java.util.List<Row> answer(String query, java.util.List<TweetRecord> tweets, BitSet columns) {
        session.createDataFrame(tweets.stream().map(tweet -> TweetRows.row(tweet, columns)).toList(),
                TweetRows.schema(columns)).createOrReplaceTempView(PublishQuery.VIEW);
        return session.sql(query).collectAsList();
    }

    private static TweetRecord tweet(long id, String lang, String author, String body, List<String> hashtags,
            List<String> mentions) {
        return new TweetRecord(Option.some(id), Option.some(Instant.parse("2026-11-30T06:00:00Z")), Option.some(lang),
                Option.some(author), body, false, new Entities(hashtags, mentions, List.of()));
    }
}
