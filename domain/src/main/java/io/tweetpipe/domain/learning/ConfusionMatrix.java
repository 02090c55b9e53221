package io.tweetpipe.domain.learning;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.TreeSet;
import io.vavr.collection.Vector;
import java.io.Serializable;
import java.util.Objects;

/** How often each label was predicted for each actual label: the diagonal is right, the rest says what is mistaken for what. */
public record ConfusionMatrix(Map<Tuple2<String, String>, Long> counts) implements Serializable {

    public ConfusionMatrix {
        Objects.requireNonNull(counts, "counts");
    }

    /** Actual and predicted labels, pairwise in order. */
    public static ConfusionMatrix of(Seq<String> actual, Seq<String> predicted) {
        if (actual.size() != predicted.size()) {
            throw new IllegalArgumentException(actual.size() + " labels and " + predicted.size() + " predictions");
        }
        Map<Tuple2<String, String>, Long> counts = HashMap.empty();
        for (Tuple2<String, String> pair : actual.zip(predicted)) {
            counts = counts.put(pair, 1L, Long::sum);
        }
        return new ConfusionMatrix(counts);
    }

    /** Every label seen, actual or predicted, in Unicode order. */
    public Seq<String> labels() {
        TreeSet<String> labels = TreeSet.ofAll(counts.keySet().flatMap(pair -> Vector.of(pair._1(), pair._2())));
        return labels.toVector();
    }

    public long count(String actual, String predicted) {
        return counts.get(Tuple.of(actual, predicted)).getOrElse(0L);
    }

    public Accuracy accuracy() {
        long right = counts.filterKeys(pair -> pair._1().equals(pair._2())).values().sum().longValue();
        return new Accuracy(right, counts.values().sum().longValue());
    }

    /** The matrix as an aligned table: a row per actual label, a column per predicted label, each row's recall. */
    public Seq<String> lines() {
        Seq<String> labels = labels();
        int width = Math.max(5, labels.map(String::length).appendAll(
                counts.values().map(n -> Long.toString(n).length())).max().getOrElse(1));
        int first = Math.max("actual \\ predicted".length(), labels.map(String::length).max().getOrElse(0));
        String cell = "%" + width + "s";
        StringBuilder header = new StringBuilder(String.format("%-" + first + "s", "actual \\ predicted"));
        labels.forEach(label -> header.append("  ").append(String.format(cell, label)));
        header.append("  recall");
        Vector<String> lines = Vector.of(header.toString());
        for (String actual : labels) {
            StringBuilder row = new StringBuilder(String.format("%-" + first + "s", actual));
            long total = 0;
            for (String predicted : labels) {
                long n = count(actual, predicted);
                total += n;
                row.append("  ").append(String.format(cell, n == 0 ? "." : Long.toString(n)));
            }
            row.append("  ").append(total == 0 ? "     -"
                    : String.format(java.util.Locale.ROOT, "%6.3f", (double) count(actual, actual) / total));
            lines = lines.append(row.toString());
        }
        return lines;
    }
}
