package io.tweetpipe.domain.learning;

import io.tweetpipe.domain.features.FeatureVector;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import java.io.Serializable;
import java.util.Arrays;
import java.util.TreeMap;

/**
 * Multinomial naive Bayes kept as what it counts: for each label, how many documents carried it and how much weight
 * each feature bucket received from them. Counts add, so a stream's model is the sum of its batches' counts, whatever
 * the order or the partitioning: a streaming model that equals the batch model of everything seen so far, with
 * nothing to tune and no pass to repeat, and a label may appear at any batch. Immutable; a {@link Tally} counts one
 * partition.
 */
public final class NaiveBayesCounts implements Serializable {

    private final int dimension;
    private final String[] labels;
    private final long[] documents;
    private final double[][] weights;

    private NaiveBayesCounts(int dimension, String[] labels, long[] documents, double[][] weights) {
        this.dimension = dimension;
        this.labels = labels;
        this.documents = documents;
        this.weights = weights;
    }

    public static NaiveBayesCounts empty(int dimension) {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension " + dimension);
        }
        return new NaiveBayesCounts(dimension, new String[0], new long[0], new double[0][]);
    }

    public static Tally tally(int dimension) {
        return new Tally(dimension);
    }

    public int dimension() {
        return dimension;
    }

    /** The labels seen, in Unicode order. */
    public Seq<String> labels() {
        return Array.of(labels);
    }

    /** Documents counted, under every label. */
    public long documents() {
        return Arrays.stream(documents).sum();
    }

    public long documents(String label) {
        int i = Arrays.binarySearch(labels, label);
        return i < 0 ? 0 : documents[i];
    }

    public NaiveBayesCounts plus(NaiveBayesCounts other) {
        if (other.dimension != dimension) {
            throw new IllegalArgumentException("dimensions " + dimension + " and " + other.dimension);
        }
        Tally sum = new Tally(dimension);
        sum.addCounts(this);
        sum.addCounts(other);
        return sum.counts();
    }

    /**
     * The model these counts make, with add-one (Laplace) smoothing as Spark's NaiveBayes has by default: a feature
     * never seen with a label makes the label less likely, never impossible.
     */
    public NaiveBayesModel model() {
        int n = labels.length;
        double total = documents();
        double[] logPriors = new double[n];
        double[][] logLikelihoods = new double[n][];
        for (int c = 0; c < n; c++) {
            logPriors[c] = Math.log(documents[c] / total);
            double mass = 0;
            for (double w : weights[c]) {
                mass += w;
            }
            double logDenominator = Math.log(mass + dimension);
            double[] logs = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                logs[i] = Math.log(weights[c][i] + 1) - logDenominator;
            }
            logLikelihoods[c] = logs;
        }
        return new NaiveBayesModel(dimension, labels.clone(), logPriors, logLikelihoods);
    }

    /** Counts one partition's labelled vectors; not thread-safe, and not a value until {@link #counts()}. */
    public static final class Tally implements Serializable {
        private final int dimension;
        private final TreeMap<String, double[]> weights = new TreeMap<>();
        private final TreeMap<String, Long> documents = new TreeMap<>();

        private Tally(int dimension) {
            this.dimension = dimension;
        }

        public Tally add(String label, FeatureVector features) {
            if (features.dimension() != dimension) {
                throw new IllegalArgumentException("a vector of dimension " + features.dimension() + " in counts of "
                        + dimension);
            }
            double[] sums = weights.computeIfAbsent(label, l -> new double[dimension]);
            for (int i = 0; i < features.size(); i++) {
                sums[features.index(i)] += features.value(i);
            }
            documents.merge(label, 1L, Long::sum);
            return this;
        }

        private void addCounts(NaiveBayesCounts counts) {
            for (int c = 0; c < counts.labels.length; c++) {
                double[] sums = weights.computeIfAbsent(counts.labels[c], l -> new double[dimension]);
                double[] added = counts.weights[c];
                for (int i = 0; i < dimension; i++) {
                    sums[i] += added[i];
                }
                documents.merge(counts.labels[c], counts.documents[c], Long::sum);
            }
        }

        public NaiveBayesCounts counts() {
            String[] labels = weights.keySet().toArray(new String[0]);
            long[] docs = new long[labels.length];
            double[][] sums = new double[labels.length][];
            for (int c = 0; c < labels.length; c++) {
                docs[c] = documents.get(labels[c]);
                sums[c] = weights.get(labels[c]).clone();
            }
            return new NaiveBayesCounts(dimension, labels, docs, sums);
        }
    }
}
