package io.tweetpipe.adapters.files;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.ClassifierAccuracy;
import io.tweetpipe.domain.batch.ClusterSummary;
import io.tweetpipe.domain.batch.PredictedLanguages;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Each result in a folder of its own, on the driver, as Spark's {@code saveAsTextFiles} writes each DStream:
 * {@code trends-hashtags-TIME_IN_MS/part-00000.jsonl} (a line per ranked key), {@code totals-TIME_IN_MS} (one line),
 * {@code sql-HASH-TIME_IN_MS} (a line per row, the columns as fields, the query beside it in {@code query.sql}), and
 * one line each for the learning analyses: {@code clusters-TIME_IN_MS} (every cluster, its terms and languages),
 * {@code classifier-TIME_IN_MS} (the batch's and the cumulative accuracy), {@code predictions-TIME_IN_MS} (the
 * model's languages and its agreement with the wire's).
 * Written aside and committed, so a result handed again replaces its folder. Samples and figures are not stored:
 * every record is, by {@link FileRecordStore}.
 */
public final class FileResultSink implements BatchSink {

    static final String QUERY_FILE = "query.sql";

    private final FileSettings settings;

    FileResultSink(FileSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void accept(StreamOutput output) {
        if (output instanceof Ranking ranking) {
            write(ranking.trending().name(), ranking, ranking.top().zipWithIndex().map(ci -> fields(
                    "window_end", ranking.time(), "rank", ci._2 + 1, "key", ci._1.key(), "count", ci._1.count())));
        } else if (output instanceof Totals totals) {
            write("totals", totals, List.of(fields("time", totals.time(), "distinct_hashtags",
                    totals.distinctHashtags(), "distinct_authors", totals.distinctAuthors(), "top",
                    totals.top().zipWithIndex().map(ci -> fields("rank", ci._2 + 1, "hashtag", ci._1.key(),
                            "count", ci._1.count())).toJavaList())));
        } else if (output instanceof QueryRows rows) {
            write(queryPrefix(rows.sql().query()), rows, rows.rows().map(row -> {
                Map<String, Object> fields = new LinkedHashMap<>();
                rows.columns().zip(row).forEach(cv -> fields.put(cv._1, cv._2));
                return fields;
            }));
        } else if (output instanceof ClusterSummary summary) {
            write(summary.analysis().name(), summary, List.of(fields("time", summary.time(), "unclustered",
                    summary.unclustered(), "clusters", summary.clusters().map(c -> fields("cluster", c.id(),
                            "size", c.size(), "weight", c.weight(), "top_terms", c.topTerms().toJavaList(),
                            "languages", c.languages().toJavaMap(java.util.LinkedHashMap::new, t -> t)))
                            .toJavaList())));
        } else if (output instanceof ClassifierAccuracy accuracy) {
            write(accuracy.classifier().name(), accuracy, List.of(fields("time", accuracy.time(),
                    "batch_correct", accuracy.batch().correct(), "batch_judged", accuracy.batch().judged(),
                    "cumulative_correct", accuracy.cumulative().correct(), "cumulative_judged",
                    accuracy.cumulative().judged(), "unjudged", accuracy.unjudged(), "unlabelled",
                    accuracy.unlabelled(), "languages", accuracy.languages())));
        } else if (output instanceof PredictedLanguages predicted) {
            write(predicted.model().name(), predicted, List.of(fields("time", predicted.time(), "model",
                    predicted.model().modelDirectory(), "agreed", predicted.agreement().correct(), "judged",
                    predicted.agreement().judged(), "counts",
                    predicted.counts().toJavaMap(java.util.LinkedHashMap::new, t -> t))));
        }
    }

    /** {@code sql-} and the first 8 bytes of the query's SHA-256: several queries, one folder name each. */
    static String queryPrefix(String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return "sql-" + HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private void write(String prefix, StreamOutput output, Seq<Map<String, Object>> lines) {
        BatchFolders folders = new BatchFolders(settings.path());
        try {
            if (output instanceof QueryRows rows) {
                folders.writeFile(prefix, output.time(), QUERY_FILE, rows.sql().query() + "\n");
            }
            folders.writePart(prefix, output.time(), 0,
                    lines.map(fields -> Json.value(new StringBuilder(), fields).toString()).iterator());
            folders.commit(prefix, output.time());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + BatchFolders.name(prefix, output.time()) + " under "
                    + settings.directory() + ": " + FileRecordStore.describe(e), e);
        }
    }

    private static Map<String, Object> fields(Object... namesAndValues) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    @Override
    public String toString() {
        return "results under " + settings.directory();
    }
}
