package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.port.out.QueryAnalyzer;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Analyses queries with Spark SQL's own parser and analyser against the {@code tweets} schema, on a small local session
 * that is stopped before the stream's own starts: a mistake is found before the stream runs, never mid-stream. Only
 * queries are accepted: Spark runs a command (CREATE, DROP, INSERT, SET) as soon as it is parsed, and a stream's query
 * has no business changing anything.
 */
public final class SparkQueryAnalyzer implements QueryAnalyzer {

    private static final Pattern QUERY = Pattern.compile("^\\s*\\(*\\s*(select|with|from|values)\\b",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Either<Rejection, Seq<String>> analyse(String query) {
        if (!QUERY.matcher(query).find()) {
            return Either.left(Rejection.of("sql", "only a query is run over each batch (SELECT, WITH, FROM or "
                    + "VALUES), not '" + query.strip().split("\\s+")[0] + "'"));
        }
        SparkLogging.quietUnlessConfigured();
        SparkSession session = SparkSession.builder().master("local[1]").appName("tweetpipe-sql-check")
                .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1").getOrCreate();
        try {
            session.createDataFrame(List.<Row>of(), TweetRows.SCHEMA).createOrReplaceTempView(PublishQuery.VIEW);
            return Either.right(Array.of(session.sql(query).columns()));
        } catch (Exception e) {  // Spark's ParseException and AnalysisException, which Java sees as undeclared
            return Either.left(Rejection.of("sql", firstLine(e)));
        } finally {
            session.stop();
        }
    }

    /** Spark's message names the error class and the position, then draws the plan on further lines. */
    private static String firstLine(Exception e) {
        String message = String.valueOf(e.getMessage()).lines().map(String::strip).filter(line -> !line.isEmpty())
                .findFirst().orElse("");
        return message.isEmpty() ? e.getClass().getSimpleName().toLowerCase(Locale.ROOT) : message;
    }
}
