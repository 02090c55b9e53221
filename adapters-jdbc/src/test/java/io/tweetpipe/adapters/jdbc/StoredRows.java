package io.tweetpipe.adapters.jdbc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetpipe.application.contract.StoredResultsContract;
import io.tweetpipe.domain.learning.Accuracy;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;

/** Reads what the JDBC store and sink wrote, with plain SQL, the way a user's client would. */
final class StoredRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private StoredRows() {
    }

    static Connection connect(JdbcSettings settings) throws SQLException {
        return settings.user().isDefined() ? DriverManager.getConnection(settings.url(), settings.user().get(), null)
                : DriverManager.getConnection(settings.url());
    }

    static Seq<TweetRecord> records(JdbcSettings settings) throws SQLException {
        return query(settings, "SELECT id, created_at, lang, author, body, extended, hashtags, mentions, urls, predicted_lang "
                + "FROM tweets "
                + "WHERE batch_time IN (SELECT batch_time FROM batches) ORDER BY batch_time, batch_partition, batch_row",
                rows -> {
                    long id = rows.getLong(1);
                    Option<Long> maybeId = rows.wasNull() ? Option.none() : Option.some(id);
                    return new TweetRecord(maybeId, Option.of(time(settings, rows, 2)),
                            Option.of(rows.getString(3)), Option.of(rows.getString(4)), rows.getString(5),
                            rows.getBoolean(6), new Entities(texts(settings, rows, 7), texts(settings, rows, 8),
                            texts(settings, rows, 9)), Option.of(rows.getString(10)));
                });
    }

    static long count(JdbcSettings settings, String sql) throws SQLException {
        return query(settings, sql, rows -> rows.getLong(1)).head();
    }

    static Instant time(JdbcSettings settings, ResultSet rows, int column) throws SQLException {
        if (settings.dialect() == Dialect.SQLITE) {
            String text = rows.getString(column);
            return text == null ? null : Instant.parse(text);
        }
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    static List<String> texts(JdbcSettings settings, ResultSet rows, int column) throws SQLException {
        if (settings.dialect() == Dialect.SQLITE) {
            try {
                JsonNode array = JSON.readTree(rows.getString(column));
                return List.ofAll(array::elements).map(node -> node.isNull() ? null : node.textValue());
            } catch (java.io.IOException e) {
                throw new SQLException(e);
            }
        }
        Array array = rows.getArray(column);
        return List.of((String[]) array.getArray());
    }

    static Seq<String> resultLines(JdbcSettings settings) throws SQLException {
        java.util.List<String> lines = new ArrayList<>();
        lines.addAll(query(settings, "SELECT analysis, window_end, rank, key, count FROM trends", rows ->
                StoredResultsContract.trend(rows.getString(1), time(settings, rows, 2), rows.getInt(3),
                        rows.getString(4), rows.getLong(5))).toJavaList());
        lines.addAll(query(settings, "SELECT batch_time, distinct_hashtags, distinct_authors FROM totals", rows ->
                StoredResultsContract.totals(time(settings, rows, 1), rows.getLong(2), rows.getLong(3)))
                .toJavaList());
        lines.addAll(query(settings, "SELECT batch_time, rank, hashtag, count FROM total_hashtags", rows ->
                StoredResultsContract.total(time(settings, rows, 1), rows.getInt(2), rows.getString(3),
                        rows.getLong(4))).toJavaList());
        lines.addAll(query(settings, "SELECT query, batch_time, row_no, columns, cells FROM query_results", rows ->
                StoredResultsContract.queryRow(rows.getString(1), time(settings, rows, 2), rows.getInt(3),
                        texts(settings, rows, 4), texts(settings, rows, 5))).toJavaList());
        lines.addAll(query(settings, "SELECT batch_time, unclustered FROM cluster_batches", rows ->
                StoredResultsContract.unclustered(time(settings, rows, 1), rows.getLong(2))).toJavaList());
        lines.addAll(query(settings, "SELECT batch_time, cluster, size, weight, top_terms FROM clusters", rows ->
                StoredResultsContract.cluster(time(settings, rows, 1), rows.getInt(2), rows.getLong(3),
                        rows.getDouble(4), texts(settings, rows, 5))).toJavaList());
        lines.addAll(query(settings, "SELECT batch_time, cluster, lang, count FROM cluster_languages", rows ->
                StoredResultsContract.clusterLanguage(time(settings, rows, 1), rows.getInt(2), rows.getString(3),
                        rows.getLong(4))).toJavaList());
        lines.addAll(query(settings, "SELECT batch_time, batch_correct, batch_judged, cumulative_correct, "
                + "cumulative_judged, unjudged, unlabelled, languages FROM classifier_accuracy", rows ->
                StoredResultsContract.classifier(time(settings, rows, 1), new Accuracy(rows.getLong(2),
                        rows.getLong(3)), new Accuracy(rows.getLong(4), rows.getLong(5)), rows.getLong(6),
                        rows.getLong(7), rows.getInt(8))).toJavaList());
        lines.addAll(query(settings, "SELECT batch_time, model, agreed, judged FROM prediction_batches", rows ->
                StoredResultsContract.agreement(time(settings, rows, 1), rows.getString(2),
                        new Accuracy(rows.getLong(3), rows.getLong(4)))).toJavaList());
        lines.addAll(query(settings, "SELECT batch_time, predicted_lang, count FROM predicted_languages", rows ->
                StoredResultsContract.predicted(time(settings, rows, 1), rows.getString(2), rows.getLong(3)))
                .toJavaList());
        return List.ofAll(lines);
    }

    interface Row<T> {
        T read(ResultSet rows) throws SQLException;
    }

    static <T> List<T> query(JdbcSettings settings, String sql, Row<T> row) throws SQLException {
        java.util.List<T> out = new ArrayList<>();
        try (Connection connection = connect(settings); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                out.add(row.read(rows));
            }
        }
        return List.ofAll(out);
    }
}
