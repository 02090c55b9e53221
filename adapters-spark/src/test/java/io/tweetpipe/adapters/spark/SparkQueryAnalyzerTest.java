package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

/** Queries checked by Spark SQL itself before a stream starts. */
class SparkQueryAnalyzerTest {

    private final SparkQueryAnalyzer analyzer = new SparkQueryAnalyzer();

    @Test
    void givenAGroupByOverTheView_analyse_givesItsColumns() {
        assertEquals(Either.right(List.of("lang", "n")),
                analyzer.analyse("SELECT lang, count(*) AS n FROM tweets GROUP BY lang ORDER BY n DESC"));
    }

    @Test
    void givenArrayColumns_analyse_acceptsExplodingThem() {
        Either<Rejection, Seq<String>> columns =
                analyzer.analyse("SELECT explode(hashtags) AS tag, author, created_at FROM tweets WHERE extended");
        assertEquals(Either.right(List.of("tag", "author", "created_at")), columns);
    }

    @Test
    void givenASyntaxError_analyse_saysWhereInOneLine() {
        Rejection why = analyzer.analyse("SELECT lang FROMM tweets").getLeft();
        assertTrue(why.reason().contains("PARSE_SYNTAX_ERROR"), why.toString());
        assertEquals(1, why.reason().lines().count());
    }

    @Test
    void givenAnUnknownColumn_analyse_namesItInOneLine() {
        Rejection why = analyzer.analyse("SELECT language FROM tweets").getLeft();
        assertTrue(why.reason().contains("`language`"), why.toString());
        assertEquals(1, why.reason().lines().count());
    }

    @Test
    void givenACommand_analyse_refusesItWithoutRunningIt() {
        Rejection why = analyzer.analyse("DROP VIEW tweets").getLeft();
        assertEquals("sql: only a query is run over each batch (SELECT, WITH, FROM or VALUES), not 'DROP'",
                why.toString());
    }
}
