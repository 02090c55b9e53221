package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.TweetColumns;
import io.vavr.control.Option;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
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
}
