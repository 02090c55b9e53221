package io.tweetpipe.adapters.jdbc;

import io.tweetpipe.domain.analysis.TweetColumns;
import io.vavr.collection.List;

/**
 * The tables, created when absent. Records are keyed by where they were in their batch (batch time, partition, row):
 * a batch run again after a restart holds the same records in the same places, so it writes nothing new, while two
 * equal texts in a batch stay two records (the tutorial's wire gives no id). A record with a tweet id is also unique
 * by id: a tweet is kept once, whichever batch brought it first. Results are keyed by (analysis, time, key); a table
 * of one analysis (the learning ones: clusters, the classifier, a model's predictions) by (time, key).
 */
final class Schema {

    static final String TWEETS = "tweets";
    static final List<String> RECORD_COLUMNS = List.of("batch_time", "batch_partition", "batch_row")
            .appendAll(TweetColumns.all().map(TweetColumns::column));

    private Schema() {
    }

    static List<String> create(Dialect dialect) {
        String time = dialect.timeType();
        String texts = dialect.type(TweetColumns.Type.STRING_ARRAY);
        String columns = TweetColumns.all().map(column -> column.column() + " " + dialect.type(column.type())
                + (column == TweetColumns.BODY || column == TweetColumns.EXTENDED ? " NOT NULL" : "")).mkString(", ");
        return List.of(
                "CREATE TABLE IF NOT EXISTS tweets (batch_time " + time + " NOT NULL, batch_partition INTEGER NOT NULL, "
                        + "batch_row INTEGER NOT NULL, " + columns + ", "
                        + "PRIMARY KEY (batch_time, batch_partition, batch_row))",
                "CREATE UNIQUE INDEX IF NOT EXISTS tweets_by_id ON tweets (id)",
                "CREATE TABLE IF NOT EXISTS batches (batch_time " + time + " PRIMARY KEY, records_stored_at " + time
                        + " NOT NULL)",
                "CREATE TABLE IF NOT EXISTS trends (analysis TEXT NOT NULL, window_end " + time + " NOT NULL, "
                        + "rank INTEGER NOT NULL, key TEXT NOT NULL, count BIGINT NOT NULL, "
                        + "PRIMARY KEY (analysis, window_end, key))",
                "CREATE TABLE IF NOT EXISTS totals (batch_time " + time + " PRIMARY KEY, "
                        + "distinct_hashtags BIGINT NOT NULL, distinct_authors BIGINT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS total_hashtags (batch_time " + time + " NOT NULL, rank INTEGER NOT NULL, "
                        + "hashtag TEXT NOT NULL, count BIGINT NOT NULL, PRIMARY KEY (batch_time, hashtag))",
                "CREATE TABLE IF NOT EXISTS query_results (query_hash TEXT NOT NULL, batch_time " + time
                        + " NOT NULL, row_no INTEGER NOT NULL, query TEXT NOT NULL, columns " + texts + " NOT NULL, "
                        + "cells " + texts + " NOT NULL, PRIMARY KEY (query_hash, batch_time, row_no))",
                "CREATE TABLE IF NOT EXISTS cluster_batches (batch_time " + time + " PRIMARY KEY, "
                        + "unclustered BIGINT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS clusters (batch_time " + time + " NOT NULL, cluster INTEGER NOT NULL, "
                        + "size BIGINT NOT NULL, weight DOUBLE PRECISION NOT NULL, top_terms " + texts + " NOT NULL, "
                        + "PRIMARY KEY (batch_time, cluster))",
                "CREATE TABLE IF NOT EXISTS cluster_languages (batch_time " + time + " NOT NULL, "
                        + "cluster INTEGER NOT NULL, lang TEXT NOT NULL, count BIGINT NOT NULL, "
                        + "PRIMARY KEY (batch_time, cluster, lang))",
                "CREATE TABLE IF NOT EXISTS classifier_accuracy (batch_time " + time + " PRIMARY KEY, "
                        + "batch_correct BIGINT NOT NULL, batch_judged BIGINT NOT NULL, "
                        + "cumulative_correct BIGINT NOT NULL, cumulative_judged BIGINT NOT NULL, "
                        + "unjudged BIGINT NOT NULL, unlabelled BIGINT NOT NULL, languages INTEGER NOT NULL)",
                "CREATE TABLE IF NOT EXISTS prediction_batches (batch_time " + time + " PRIMARY KEY, "
                        + "model TEXT NOT NULL, agreed BIGINT NOT NULL, judged BIGINT NOT NULL)",
                "CREATE TABLE IF NOT EXISTS predicted_languages (batch_time " + time + " NOT NULL, "
                        + "predicted_lang TEXT NOT NULL, count BIGINT NOT NULL, "
                        + "PRIMARY KEY (batch_time, predicted_lang))");
    }

    static String insertRecord() {
        return "INSERT INTO tweets (" + RECORD_COLUMNS.mkString(", ") + ") VALUES ("
                + RECORD_COLUMNS.map(c -> "?").mkString(", ") + ") ON CONFLICT DO NOTHING";
    }
}
