package io.tweetpipe.adapters.jdbc;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
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
 * Rankings, totals and query results, on the driver (they are small): each in one transaction that deletes what an
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
                        io.vavr.collection.List.of(totals), (insert, t, rank) -> {
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
        }
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
