package io.tweetpipe.adapters.jdbc;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.ClassifierAccuracy;
import io.tweetpipe.domain.batch.ClusterSummary;
import io.tweetpipe.domain.batch.PredictedLanguages;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Rankings, totals, query results and the learning analyses' results, on the driver (they are small): each in one transaction that deletes what an
 * earlier run stored for the same analysis and time, then inserts, so a result handed again replaces the earlier one.
 * Samples and figures are not stored: every record is, by {@link JdbcRecordStore}.
 */
public final class JdbcResultSink implements BatchSink {

    private final JdbcSettings settings;

    JdbcResultSink(JdbcSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void accept(StreamOutput output) {
        if (output instanceof Ranking ranking) {
            store("the ranking " + ranking.trending().name(), ranking.time(), connection -> replace(connection,
                    "DELETE FROM trends WHERE analysis = ? AND window_end = ?", ranking.trending().name(),
                    ranking.time(), "INSERT INTO trends (analysis, window_end, rank, key, count) VALUES (?, ?, ?, ?, ?)",
                    ranking.top(), (insert, count, rank) -> {
                        settings.dialect().bindText(insert, 1, ranking.trending().name());
                        settings.dialect().bindTime(insert, 2, ranking.time());
                        insert.setInt(3, rank);
                        settings.dialect().bindText(insert, 4, count.key());
                        insert.setLong(5, count.count());
                    }));
        } else if (output instanceof Totals totals) {
            store("the totals", totals.time(), connection -> {
                replace(connection, "DELETE FROM totals WHERE batch_time = ?", null, totals.time(),
                        "INSERT INTO totals (batch_time, distinct_hashtags, distinct_authors) VALUES (?, ?, ?)",
                        List.of(totals), (insert, t, rank) -> {
                            settings.dialect().bindTime(insert, 1, t.time());
                            insert.setLong(2, t.distinctHashtags());
                            insert.setLong(3, t.distinctAuthors());
                        });
                replace(connection, "DELETE FROM total_hashtags WHERE batch_time = ?", null, totals.time(),
                        "INSERT INTO total_hashtags (batch_time, rank, hashtag, count) VALUES (?, ?, ?, ?)",
                        totals.top(), (insert, count, rank) -> {
                            settings.dialect().bindTime(insert, 1, totals.time());
                            insert.setInt(2, rank);
                            settings.dialect().bindText(insert, 3, count.key());
                            insert.setLong(4, count.count());
                        });
            });
        } else if (output instanceof QueryRows rows) {
            String hash = queryHash(rows.sql().query());
            store("the query's rows", rows.time(), connection -> replace(connection,
                    "DELETE FROM query_results WHERE query_hash = ? AND batch_time = ?", hash, rows.time(),
                    "INSERT INTO query_results (query_hash, batch_time, row_no, query, columns, cells) "
                            + "VALUES (?, ?, ?, ?, ?, ?)", rows.rows(), (insert, row, number) -> {
                        insert.setString(1, hash);
                        settings.dialect().bindTime(insert, 2, rows.time());
                        insert.setInt(3, number);
                        settings.dialect().bindText(insert, 4, rows.sql().query());
                        settings.dialect().bindTexts(connection, insert, 5, rows.columns().toJavaList());
                        settings.dialect().bindTexts(connection, insert, 6, row.toJavaList());
                    }));
        } else if (output instanceof ClusterSummary summary) {
            store("the clusters", summary.time(), connection -> store(connection, summary));
        } else if (output instanceof ClassifierAccuracy accuracy) {
            store("the classifier's accuracy", accuracy.time(), connection -> replace(connection,
                    "DELETE FROM classifier_accuracy WHERE batch_time = ?", null, accuracy.time(),
                    "INSERT INTO classifier_accuracy (batch_time, batch_correct, batch_judged, cumulative_correct, "
                            + "cumulative_judged, unjudged, unlabelled, languages) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    List.of(accuracy), (insert, a, rank) -> {
                        settings.dialect().bindTime(insert, 1, a.time());
                        insert.setLong(2, a.batch().correct());
                        insert.setLong(3, a.batch().judged());
                        insert.setLong(4, a.cumulative().correct());
                        insert.setLong(5, a.cumulative().judged());
                        insert.setLong(6, a.unjudged());
                        insert.setLong(7, a.unlabelled());
                        insert.setInt(8, a.languages());
                    }));
        } else if (output instanceof PredictedLanguages predicted) {
            store("the predicted languages", predicted.time(), connection -> {
                replace(connection, "DELETE FROM prediction_batches WHERE batch_time = ?", null, predicted.time(),
                        "INSERT INTO prediction_batches (batch_time, model, agreed, judged) VALUES (?, ?, ?, ?)",
                        List.of(predicted), (insert, p, rank) -> {
                            settings.dialect().bindTime(insert, 1, p.time());
                            settings.dialect().bindText(insert, 2, p.model().modelDirectory());
                            insert.setLong(3, p.agreement().correct());
                            insert.setLong(4, p.agreement().judged());
                        });
                replace(connection, "DELETE FROM predicted_languages WHERE batch_time = ?", null, predicted.time(),
                        "INSERT INTO predicted_languages (batch_time, predicted_lang, count) VALUES (?, ?, ?)",
                        predicted.counts().toList(), (insert, count, rank) -> {
                            settings.dialect().bindTime(insert, 1, predicted.time());
                            settings.dialect().bindText(insert, 2, count._1);
                            insert.setLong(3, count._2);
                        });
            });
        }
    }

    /** A batch's clusters: the batch's unclustered count, each cluster, and each cluster's languages. */
    private void store(Connection connection, ClusterSummary summary) throws SQLException {
        Instant time = summary.time();
        replace(connection, "DELETE FROM cluster_batches WHERE batch_time = ?", null, time,
                "INSERT INTO cluster_batches (batch_time, unclustered) VALUES (?, ?)", List.of(summary),
                (insert, s, rank) -> {
                    settings.dialect().bindTime(insert, 1, time);
                    insert.setLong(2, s.unclustered());
                });
        replace(connection, "DELETE FROM clusters WHERE batch_time = ?", null, time,
                "INSERT INTO clusters (batch_time, cluster, size, weight, top_terms) VALUES (?, ?, ?, ?, ?)",
                summary.clusters(), (insert, cluster, rank) -> {
                    settings.dialect().bindTime(insert, 1, time);
                    insert.setInt(2, cluster.id());
                    insert.setLong(3, cluster.size());
                    insert.setDouble(4, cluster.weight());
                    settings.dialect().bindTexts(connection, insert, 5, cluster.topTerms().toJavaList());
                });
        Seq<Tuple2<Integer, Tuple2<String, Long>>> languages = summary.clusters().flatMap(cluster ->
                cluster.languages().map(language -> Tuple.of(cluster.id(), language)));
        replace(connection, "DELETE FROM cluster_languages WHERE batch_time = ?", null, time,
                "INSERT INTO cluster_languages (batch_time, cluster, lang, count) VALUES (?, ?, ?, ?)", languages,
                (insert, language, rank) -> {
                    settings.dialect().bindTime(insert, 1, time);
                    insert.setInt(2, language._1);
                    settings.dialect().bindText(insert, 3, language._2._1);
                    insert.setLong(4, language._2._2);
                });
    }

    /** The first 16 hex digits of the query's SHA-256: a short key for any query, however long. */
    static String queryHash(String query) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(query.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private void store(String what, Instant time, Transactions.Work work) {
        Transactions.run(settings, what + " of " + time.toEpochMilli() + " ms", work);
    }

    private interface Binder<T> {
        void bind(PreparedStatement insert, T item, int rank) throws SQLException;
    }

    /** Deletes the rows of (key, time), then inserts one row per item, numbered from 1. */
    private <T> void replace(Connection connection, String delete, String key, Instant time, String insert,
                             Seq<T> items, Binder<T> binder) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
            int index = 1;
            if (key != null) {
                settings.dialect().bindText(statement, index++, key);
            }
            settings.dialect().bindTime(statement, index, time);
            statement.executeUpdate();
        }
        try (PreparedStatement statement = connection.prepareStatement(insert)) {
            int number = 0;
            for (T item : items) {
                binder.bind(statement, item, ++number);
                statement.addBatch();
            }
            if (number > 0) {
                statement.executeBatch();
            }
        }
    }

    @Override
    public String toString() {
        return "results in " + settings.shownUrl();
    }
}
