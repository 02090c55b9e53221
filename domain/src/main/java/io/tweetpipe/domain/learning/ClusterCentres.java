package io.tweetpipe.domain.learning;

import io.tweetpipe.domain.features.TermDictionary;
import io.tweetpipe.domain.features.TermHashing;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.io.Serializable;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * Streaming k-means between batches, as plain numbers: each centre with its weight and its number, and the dictionary
 * that names the centres' buckets. The engine runs the algorithm on a copy and hands back the moved centres
 * ({@link #next}); this value never changes, so the state a checkpoint writes while a batch runs is whole.
 */
public final class ClusterCentres implements Serializable {

    private final double[][] centres;
    private final double[] weights;
    private final int[] ids;
    private final TermDictionary dictionary;

    private ClusterCentres(double[][] centres, double[] weights, int[] ids, TermDictionary dictionary) {
        this.centres = centres;
        this.weights = weights;
        this.ids = ids;
        this.dictionary = dictionary;
    }

    /** No centres yet: they come from the first batch with terms. */
    public static ClusterCentres none(TermHashing hashing) {
        return new ClusterCentres(new double[0][], new double[0], new int[0], TermDictionary.empty(hashing));
    }

    public boolean isEmpty() {
        return centres.length == 0;
    }

    /** How many centres, in the model's order. */
    public int size() {
        return centres.length;
    }

    /** A copy of the centre at {@code index} of the model. */
    public double[] centre(int index) {
        return centres[index].clone();
    }

    public double weight(int index) {
        return weights[index];
    }

    /** The number of the cluster at {@code index} of the model, kept from batch to batch. */
    public int id(int index) {
        return ids[index];
    }

    /**
     * The centres after a batch, in the model's order, each numbered as the reported centre it continues (see
     * {@link ClusterIdentities}), and the batch's words added to the dictionary.
     */
    public ClusterCentres next(double[][] moved, double[] movedWeights, Map<String, Long> words) {
        if (moved.length != movedWeights.length || (!isEmpty() && moved.length != centres.length)) {
            throw new IllegalArgumentException(moved.length + " centres, " + movedWeights.length + " weights, "
                    + centres.length + " before");
        }
        double[][] byId = new double[centres.length][];
        for (int i = 0; i < centres.length; i++) {
            byId[ids[i] - 1] = centres[i];
        }
        double[][] copied = Arrays.stream(moved).map(double[]::clone).toArray(double[][]::new);
        return new ClusterCentres(copied, movedWeights.clone(), ClusterIdentities.follow(byId, copied),
                dictionary.plus(words));
    }

    /** The words of the centre's heaviest buckets, heaviest first, leaving out buckets no word was seen in. */
    public Seq<String> topTerms(int index, int n) {
        double[] centre = centres[index];
        return Vector.ofAll(IntStream.range(0, centre.length).boxed()
                        .filter(bucket -> centre[bucket] > 0)
                        .sorted(Comparator.<Integer>comparingDouble(bucket -> -centre[bucket])
                                .thenComparing(Comparator.naturalOrder()))
                        .map(dictionary::name)
                        .filter(name -> name.isDefined())
                        .map(name -> name.get())
                        .limit(n)
                        .toList());
    }
}
