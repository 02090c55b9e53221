package io.tweetpipe.domain.learning;

import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import java.io.Serializable;
import java.util.Objects;

/**
 * How many items of each label fell in each cluster: how far a clustering agrees with labels it never saw.
 *
 * <ul>
 *   <li>{@link #purity()}: the share of items in their cluster's most common label. 1 when every cluster holds one
 *   label; splitting a label over several clusters costs nothing, merging labels does. A clustering that ignores the
 *   labels still scores the largest label's share.</li>
 *   <li>{@link #adjustedRandIndex()}: how often pairs of items are together in both or apart in both, corrected for
 *   chance (Hubert and Arabie): 0 for a clustering no better than random, 1 for the labels exactly; it penalises
 *   splits and merges alike.</li>
 * </ul>
 */
public record Contingency(Map<Integer, Map<String, Long>> cells) implements Serializable {

    public static final Contingency EMPTY = new Contingency(HashMap.empty());

    public Contingency {
        Objects.requireNonNull(cells, "cells");
    }

    public Contingency plus(int cluster, String label, long count) {
        return new Contingency(cells.put(cluster, cells.get(cluster).getOrElse(HashMap.empty())
                .put(label, count, Long::sum)));
    }

    public Contingency plus(Contingency other) {
        Contingency sum = this;
        for (Tuple2<Integer, Map<String, Long>> cluster : other.cells) {
            for (Tuple2<String, Long> label : cluster._2()) {
                sum = sum.plus(cluster._1(), label._1(), label._2());
            }
        }
        return sum;
    }

    public long total() {
        return cells.values().map(labels -> labels.values().sum().longValue()).sum().longValue();
    }

    /** The share of items in their cluster's most common label; 0 for no items. */
    public double purity() {
        long total = total();
        long majorities = cells.values().map(labels -> labels.values().max().getOrElse(0L)).sum().longValue();
        return total == 0 ? 0 : (double) majorities / total;
    }

    /** The adjusted Rand index; 0 when it is undefined (fewer than two items, or one cluster and one label). */
    public double adjustedRandIndex() {
        double total = total();
        double cellPairs = cells.values().flatMap(Map::values).map(n -> pairs(n)).sum().doubleValue();
        double clusterPairs = cells.values().map(labels -> pairs(labels.values().sum().longValue())).sum()
                .doubleValue();
        Map<String, Long> byLabel = HashMap.empty();
        for (Map<String, Long> labels : cells.values()) {
            for (Tuple2<String, Long> label : labels) {
                byLabel = byLabel.put(label._1(), label._2(), Long::sum);
            }
        }
        double labelPairs = byLabel.values().map(n -> pairs(n)).sum().doubleValue();
        double expected = clusterPairs * labelPairs / pairs((long) total);
        double most = (clusterPairs + labelPairs) / 2;
        return total < 2 || most == expected ? 0 : (cellPairs - expected) / (most - expected);
    }

    private static double pairs(long n) {
        return n * (n - 1) / 2.0;
    }
}
