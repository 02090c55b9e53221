package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.ClassifierAccuracy;
import io.tweetpipe.domain.batch.ClusterSummary;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.PredictedLanguages;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
import io.tweetpipe.domain.learning.Contingency;
import io.vavr.Tuple2;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import java.io.PrintStream;
import java.util.Locale;
import java.util.Objects;

/**
 * The console: each batch's sample exactly as Spark's {@code DStream.print()} prints it (the seed's {@code pprint()}),
 * each ranking as an aligned table with the change since the last slide, running totals on two lines, a query's rows
 * as {@code Dataset.show()} draws them, clusters as an aligned table, the classifiers' accuracy and predictions on one
 * line each, and each batch's figures on one line.
 */
public final class ConsoleBatchSink implements BatchSink {

    static final String RULE = "-------------------------------------------";
    /** As {@code Dataset.show()}: longer cells are cut to this width. */
    private static final int CELL = 20;

    private static final java.util.Comparator<Tuple2<String, Long>> MOST_FIRST =
            java.util.Comparator.<Tuple2<String, Long>, Long>comparing(Tuple2::_2).reversed().thenComparing(Tuple2::_1);

    private final PrintStream out;

    public ConsoleBatchSink(PrintStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    @Override
    public synchronized void accept(StreamOutput output) {
        if (output instanceof Batch batch) {
            print(batch);
        } else if (output instanceof BatchFigures figures) {
            print(figures);
        } else if (output instanceof Ranking ranking) {
            print(ranking);
        } else if (output instanceof Totals totals) {
            print(totals);
        } else if (output instanceof QueryRows rows) {
            print(rows);
        } else if (output instanceof ClusterSummary clusters) {
            print(clusters);
        } else if (output instanceof ClassifierAccuracy accuracy) {
            print(accuracy);
        } else if (output instanceof PredictedLanguages predicted) {
            print(predicted);
        } else {
            throw new IllegalArgumentException("the console cannot show " + output.getClass().getSimpleName());
        }
        out.flush();
    }

    private void print(Batch batch) {
        out.println(RULE);
        out.println("Time: " + batch.time().toEpochMilli() + " ms");
        out.println(RULE);
        batch.printed().forEach(out::println);
        if (batch.hasMoreThanPrinted()) {
            out.println("...");
        }
        out.println();
    }

    private void print(BatchFigures figures) {
        out.println("batch " + figures.time().toEpochMilli() + " ms: " + figures.records() + " records, processed in "
                + figures.processing().toMillis() + " ms, scheduling delay " + figures.schedulingDelay().toMillis()
                + " ms");
    }

    private void print(Ranking ranking) {
        String subject = ranking.trending().subject().name().toLowerCase(Locale.ROOT);
        out.println("Trending " + subject + " at " + ranking.time().toEpochMilli() + " ms (" + ranking.trending()
                .window() + ")");
        if (ranking.top().isEmpty()) {
            out.println("  (none in this window)");
            out.println();
            return;
        }
        String key = subject.substring(0, subject.length() - 1);  // hashtag, word, mention
        int keyWidth = Math.max(key.length(), ranking.top().map(c -> c.key().length()).max().get());
        int countWidth = Math.max(5, ranking.top().map(c -> Long.toString(c.count()).length()).max().get());
        String format = "%4s  %-" + keyWidth + "s  %" + countWidth + "s  %6s%n";
        out.printf(format, "rank", key, "count", "change");
        int rank = 1;
        for (Count count : ranking.top()) {
            String change = ranking.change(count).map(delta -> delta == 0 ? "=" : String.format("%+d", delta))
                    .getOrElse(ranking.before().isEmpty() ? "" : "new");
            out.printf(format, rank++, count.key(), count.count(), change);
        }
        out.println();
    }

    private void print(Totals totals) {
        out.println("Totals at " + totals.time().toEpochMilli() + " ms: " + totals.distinctHashtags()
                + " distinct hashtags, " + totals.distinctAuthors() + " distinct authors");
        out.println("  most used since the start: " + (totals.top().isEmpty() ? "(none yet)"
                : totals.top().map(c -> "#" + c.key() + " " + c.count()).mkString(", ")));
    }

    /** As {@code Dataset.show()}: a ruled table, cells right-aligned and cut to 20 characters. */
    private void print(QueryRows rows) {
        out.println("Query at " + rows.time().toEpochMilli() + " ms:");
        Seq<String> header = rows.columns().map(ConsoleBatchSink::cell);
        Seq<Seq<String>> cells = rows.rows().map(row -> row.map(ConsoleBatchSink::cell));
        int[] widths = new int[header.size()];
        for (int i = 0; i < widths.length; i++) {
            int column = i;
            widths[i] = Math.max(3, cells.map(row -> row.get(column).length()).prepend(header.get(i).length())
                    .max().get());
        }
        String rule = "+" + io.vavr.collection.Array.ofAll(widths).map("-"::repeat).mkString("+") + "+";
        out.println(rule);
        out.println(line(header, widths));
        out.println(rule);
        cells.forEach(row -> out.println(line(row, widths)));
        out.println(rule);
        if (rows.more()) {
            out.println("only showing top " + QueryRows.SHOWN + " rows");
        }
        out.println();
    }

    /** A row per cluster: its number, the batch's tweets in it, its decayed weight, languages, top terms. */
    private void print(ClusterSummary summary) {
        out.println("Clusters at " + summary.time().toEpochMilli() + " ms (k-means, k = " + summary.analysis().k()
                + ", half-life " + duration(summary.analysis().halfLife()) + "): " + summary.clusters()
                .map(ClusterSummary.Cluster::size).sum().longValue() + " tweets placed, " + summary.unclustered()
                + " in no cluster");
        if (summary.clusters().isEmpty()) {
            out.println("  (no centres yet: they come from the first batch with enough distinct tweets)");
            out.println();
            return;
        }
        Seq<String> languages = summary.clusters().map(cluster -> top(cluster.languages(), 3));
        int languageWidth = Math.max("languages".length(), languages.map(String::length).max().get());
        String format = "%7s  %6s  %8s  %-" + languageWidth + "s  %s";
        out.println(String.format(format, "cluster", "size", "weight", "languages", "top terms"));
        summary.clusters().zip(languages).forEach(row -> out.println(String.format(format, row._1().id(),
                row._1().size(), String.format(Locale.ROOT, "%.1f", row._1().weight()), row._2(),
                row._1().topTerms().mkString(", ")).stripTrailing()));
        Contingency agreement = summary.languages();
        if (agreement.total() > 0) {
            out.printf(Locale.ROOT, "  agreement with language over %d tweets: purity %.3f, adjusted Rand index "
                    + "%.3f%n", agreement.total(), agreement.purity(), agreement.adjustedRandIndex());
        }
        out.println();
    }

    /** {@code 30 s}, or {@code 500 ms} when it is not whole seconds. */
    private static String duration(java.time.Duration duration) {
        long ms = duration.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }

    /** The {@code shown} most common, as {@code en 40, es 3, fr 1}, and how many more. */
    private static String top(Map<String, Long> counts, int shown) {
        Seq<Tuple2<String, Long>> ranked = counts.toList().sorted(MOST_FIRST);
        String listed = ranked.take(shown).map(pair -> pair._1() + " " + pair._2()).mkString(", ");
        return ranked.isEmpty() ? "-" : ranked.size() > shown ? listed + ", " + (ranked.size() - shown) + " more"
                : listed;
    }

    private void print(ClassifierAccuracy accuracy) {
        out.println("Classifier at " + accuracy.time().toEpochMilli() + " ms: this batch " + accuracy.batch()
                + ", since the start " + accuracy.cumulative() + ", " + accuracy.languages() + " languages known"
                + (accuracy.unjudged() > 0 ? ", " + accuracy.unjudged() + " learnt before the first prediction" : "")
                + (accuracy.unlabelled() > 0 ? ", " + accuracy.unlabelled() + " without a language" : ""));
    }

    private void print(PredictedLanguages predicted) {
        out.println("Predicted languages at " + predicted.time().toEpochMilli() + " ms: "
                + (predicted.counts().isEmpty() ? "(no tweets)" : top(predicted.counts(), Integer.MAX_VALUE))
                + (predicted.agreement().judged() > 0 ? "; agreeing with the tweets' own " + predicted.agreement()
                        : ""));
    }

    private static String line(Seq<String> cells, int[] widths) {
        StringBuilder line = new StringBuilder("|");
        for (int i = 0; i < widths.length; i++) {
            line.append(" ".repeat(widths[i] - cells.get(i).length())).append(cells.get(i)).append('|');
        }
        return line.toString();
    }

    private static String cell(String value) {
        return value.length() > CELL ? value.substring(0, CELL - 3) + "..." : value;
    }
}
