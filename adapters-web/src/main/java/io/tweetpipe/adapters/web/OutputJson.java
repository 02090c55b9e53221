package io.tweetpipe.adapters.web;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
import io.vavr.collection.Seq;
import java.util.Locale;

/**
 * Each stream output as the JSON object the page and scripts read, named by its {@code kind}. Texts from the stream
 * are cut to a bounded length, so what the server keeps and sends is bounded whatever the tweets hold.
 */
final class OutputJson {

    /** Tweets of one batch shown: {@code print()}'s ten. */
    static final int TWEETS_PER_BATCH = Batch.PRINTED;
    /** Characters of a tweet kept: a tweet is 280, an extended one at most about 1,100 with its links. */
    static final int TWEET_CHARS = 1_200;
    static final int CELL_CHARS = 200;
    static final int KEYS_SHOWN = 20;
    static final int OTHER_CHARS = 2_000;

    private OutputJson() {
    }

    static String hello(long batchIntervalMs, long historyMs, int maxPoints, int maxTweets) {
        return new Json().object().field("kind", "hello").field("batchIntervalMs", batchIntervalMs)
                .field("historyMs", historyMs).field("maxPoints", maxPoints).field("maxTweets", maxTweets)
                .endObject().toString();
    }

    static String figures(BatchFigures figures, Seq<PartState> parts) {
        Json json = new Json().object().field("kind", "figures").field("time", figures.time().toEpochMilli())
                .field("records", figures.records()).field("processingMs", figures.processing().toMillis())
                .field("schedulingDelayMs", figures.schedulingDelay().toMillis())
                .name("parts").array();
        for (PartState part : parts) {
            json.object().field("name", part.name()).field("status", part.status()).name("gauges").array();
            for (PartState.Gauge gauge : part.gauges()) {
                json.object().field("name", gauge.name()).field("value", gauge.value())
                        .field("cumulative", gauge.cumulative()).endObject();
            }
            json.endArray().endObject();
        }
        return json.endArray().endObject().toString();
    }

    static String batch(Batch batch) {
        Json json = new Json().object().field("kind", "batch").field("time", batch.time().toEpochMilli())
                .field("count", batch.count()).name("tweets").array();
        for (var tweet : batch.head().zip(batch.languages()).take(TWEETS_PER_BATCH)) {
            json.object().field("text", cut(tweet._1, TWEET_CHARS)).name("lang");
            tweet._2.fold(json::nullValue, language -> json.value(cut(language, CELL_CHARS)));
            json.endObject();
        }
        return json.endArray().endObject().toString();
    }

    static String ranking(Ranking ranking) {
        Analysis.Trending trending = ranking.trending();
        Json json = new Json().object().field("kind", "ranking").field("name", trending.name())
                .field("subject", trending.subject().name().toLowerCase(Locale.ROOT))
                .field("time", ranking.time().toEpochMilli());
        window(json, trending.window());
        json.name("top").array();
        for (Count count : ranking.top().take(KEYS_SHOWN)) {
            json.object().field("key", cut(count.key(), CELL_CHARS)).field("count", count.count()).name("change");
            ranking.change(count).fold(json::nullValue, json::value);
            json.endObject();
        }
        return json.endArray().endObject().toString();
    }

    static String totals(Totals totals) {
        Json json = new Json().object().field("kind", "totals").field("time", totals.time().toEpochMilli())
                .field("distinctHashtags", totals.distinctHashtags())
                .field("distinctAuthors", totals.distinctAuthors()).name("top").array();
        for (Count count : totals.top().take(KEYS_SHOWN)) {
            json.object().field("key", cut(count.key(), CELL_CHARS)).field("count", count.count()).endObject();
        }
        return json.endArray().endObject().toString();
    }

    static String query(QueryRows rows) {
        Json json = new Json().object().field("kind", "query").field("time", rows.time().toEpochMilli())
                .field("query", cut(rows.sql().query(), OTHER_CHARS));
        rows.sql().window().forEach(window -> window(json, window));
        json.name("columns").array();
        rows.columns().forEach(column -> json.value(cut(column, CELL_CHARS)));
        json.endArray().name("rows").array();
        for (Seq<String> row : rows.rows().take(QueryRows.SHOWN)) {
            json.array();
            row.forEach(cell -> json.value(cell == null ? null : cut(cell, CELL_CHARS)));
            json.endArray();
        }
        return json.endArray().field("more", rows.more() || rows.rows().size() > QueryRows.SHOWN)
                .endObject().toString();
    }

    /**
     * A result this page does not know yet (the clusters and the classifier's accuracy will come): its type and its
     * text, so that it is shown rather than dropped.
     */
    static String other(StreamOutput output) {
        return new Json().object().field("kind", "other").field("type", output.getClass().getSimpleName())
                .field("time", output.time().toEpochMilli()).field("text", cut(String.valueOf(output), OTHER_CHARS))
                .endObject().toString();
    }

    private static void window(Json json, Window window) {
        json.field("windowMs", window.length().toMillis()).field("slideMs", window.slide().toMillis());
    }

    /** At most {@code max} characters, never half a surrogate pair, with an ellipsis when cut. */
    static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "…";
    }
}
