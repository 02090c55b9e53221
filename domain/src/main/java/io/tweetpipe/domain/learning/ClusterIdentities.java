package io.tweetpipe.domain.learning;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps each cluster's number from batch to batch: a model's centres are matched to the centres reported for the
 * previous batch, closest pairs first, and each takes the number of the centre it continues. Streaming k-means moves
 * its centres a little every batch and may replace a dying cluster by splitting the largest; the index of a centre in
 * the model says nothing across such changes (nor across a restart), its position does.
 *
 * <p>Closest pairs first (greedy) rather than the assignment of least total distance: with centres that move a
 * little between batches each one's closest predecessor is its own, and the greedy rule is one sort of k² distances.
 */
public final class ClusterIdentities {

    private ClusterIdentities() {
    }

    /**
     * The number (from 1) of each current centre, in the model's order.
     *
     * @param previous the centres reported last batch, the one numbered {@code n} at {@code n - 1}; empty the first time,
     *     when centres are numbered in the model's order
     * @param current the model's centres now, as many as before
     */
    public static int[] follow(double[][] previous, double[][] current) {
        int k = current.length;
        int[] ids = new int[k];
        if (previous.length == 0) {
            Arrays.setAll(ids, i -> i + 1);
            return ids;
        }
        if (previous.length != k) {
            throw new IllegalArgumentException(previous.length + " centres before, " + k + " now");
        }
        record Pair(int now, int before, double distance) {
        }
        List<Pair> pairs = new ArrayList<>(k * k);
        for (int now = 0; now < k; now++) {
            for (int before = 0; before < k; before++) {
                pairs.add(new Pair(now, before, squaredDistance(current[now], previous[before])));
            }
        }
        pairs.sort(Comparator.comparingDouble(Pair::distance).thenComparingInt(Pair::now)
                .thenComparingInt(Pair::before));
        boolean[] taken = new boolean[k];
        for (Pair pair : pairs) {
            if (ids[pair.now()] == 0 && !taken[pair.before()]) {
                ids[pair.now()] = pair.before() + 1;
                taken[pair.before()] = true;
            }
        }
        return ids;
    }

    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            double d = a[i] - b[i];
            sum += d * d;
        }
        return sum;
    }
}
