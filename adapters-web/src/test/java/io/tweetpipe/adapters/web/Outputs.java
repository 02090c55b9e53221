package io.tweetpipe.adapters.web;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;

/** Stream outputs as the stream service hands them to sinks, for the dashboard's tests. */
final class Outputs {

    static final Analysis.Trending HASHTAGS = new Analysis.Trending(Subject.HASHTAGS,
            new Window(Duration.ofSeconds(10), Duration.ofSeconds(2)), 10);
    static final Analysis.Trending WORDS = new Analysis.Trending(Subject.WORDS,
            new Window(Duration.ofSeconds(10), Duration.ofSeconds(2)), 10);
    static final Analysis.Sql LANGUAGES = new Analysis.Sql(
            "SELECT lang, count(*) AS tweets FROM tweets GROUP BY lang ORDER BY tweets DESC", Option.none());

    private Outputs() {
    }

    static Instant second(long s) {
        return Instant.ofEpochSecond(1_795_493_534L + s);
    }

    static BatchFigures figures(long s, long records, long processingMs, long delayMs) {
        return new BatchFigures(second(s), records, Duration.ofMillis(processingMs), Duration.ofMillis(delayMs));
    }

    static Batch batch(long s, String... tweets) {
        return new Batch(second(s), tweets.length, List.of(tweets));
    }

    static Ranking ranking(long s, Analysis.Trending trending, Seq<Count> top, Seq<Count> before) {
        Ranking ranking = new Ranking(second(s), trending, top);
        return before.isEmpty() ? ranking : ranking.after(new Ranking(second(s - 2), trending, before));
    }

    static Totals totals(long s, long distinctHashtags, long distinctAuthors, Count... top) {
        return new Totals(second(s), List.of(top), distinctHashtags, distinctAuthors);
    }

    static QueryRows languages(long s, Seq<Seq<String>> rows) {
        return new QueryRows(second(s), LANGUAGES, List.of("lang", "tweets"), rows, false);
    }

    static Count count(String key, long count) {
        return new Count(key, count);
    }

    /** A kind of result the dashboard does not know, as the clusters and the classifier's accuracy will be. */
    record Accuracy(Instant time, double accuracy) implements StreamOutput {
    }
}
