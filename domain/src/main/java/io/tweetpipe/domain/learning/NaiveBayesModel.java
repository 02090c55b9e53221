package io.tweetpipe.domain.learning;

import io.tweetpipe.domain.features.FeatureVector;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.io.Serializable;

/**
 * Naive Bayes ready to predict: each label's log prior and, per feature bucket, log likelihood, worked out once from
 * {@link NaiveBayesCounts} so that a prediction is a sum over the tweet's buckets for each label.
 */
public final class NaiveBayesModel implements Serializable {

    private final int dimension;
    private final String[] labels;
    private final double[] logPriors;
    private final double[][] logLikelihoods;

    NaiveBayesModel(int dimension, String[] labels, double[] logPriors, double[][] logLikelihoods) {
        this.dimension = dimension;
        this.labels = labels;
        this.logPriors = logPriors;
        this.logLikelihoods = logLikelihoods;
    }

    public Seq<String> labels() {
        return Array.of(labels);
    }

    /** Whether it has seen no label yet, and so predicts nothing. */
    public boolean isEmpty() {
        return labels.length == 0;
    }

    /** The most likely label (ties: the first in Unicode order), or none before any label was learnt. */
    public Option<String> predict(FeatureVector features) {
        if (features.dimension() != dimension) {
            throw new IllegalArgumentException("a vector of dimension " + features.dimension() + " for a model of "
                    + dimension);
        }
        int best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < labels.length; c++) {
            double score = logPriors[c];
            double[] logs = logLikelihoods[c];
            for (int i = 0; i < features.size(); i++) {
                score += features.value(i) * logs[features.index(i)];
            }
            if (best < 0 || score > bestScore) {
                best = c;
                bestScore = score;
            }
        }
        return best < 0 ? Option.none() : Option.some(labels[best]);
    }
}
