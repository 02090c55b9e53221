package io.tweetpipe.domain.features;

import java.io.Serializable;
import java.util.Arrays;

/**
 * A sparse vector of a fixed dimension: the buckets a tweet's terms hash to, ascending, and a weight for each. The
 * adapters turn it into their library's vector type; the domain knows none.
 */
public final class FeatureVector implements Serializable {

    private final int dimension;
    private final int[] indices;
    private final double[] values;

    private FeatureVector(int dimension, int[] indices, double[] values) {
        this.dimension = dimension;
        this.indices = indices;
        this.values = values;
    }

    /** Refuses indices that are not strictly ascending within the dimension, or a value per index missing. */
    public static FeatureVector of(int dimension, int[] indices, double[] values) {
        if (dimension < 1 || indices.length != values.length) {
            throw new IllegalArgumentException("a vector of dimension " + dimension + " with " + indices.length
                    + " indices and " + values.length + " values");
        }
        for (int i = 0; i < indices.length; i++) {
            if (indices[i] < 0 || indices[i] >= dimension || (i > 0 && indices[i] <= indices[i - 1])) {
                throw new IllegalArgumentException("indices must ascend within [0, " + dimension + "): "
                        + Arrays.toString(indices));
            }
        }
        return new FeatureVector(dimension, indices.clone(), values.clone());
    }

    public static FeatureVector empty(int dimension) {
        return of(dimension, new int[0], new double[0]);
    }

    public int dimension() {
        return dimension;
    }

    /** How many buckets hold a weight. */
    public int size() {
        return indices.length;
    }

    public boolean isEmpty() {
        return indices.length == 0;
    }

    /** The {@code i}-th bucket held, ascending. */
    public int index(int i) {
        return indices[i];
    }

    public double value(int i) {
        return values[i];
    }

    /** A copy of the buckets held, for a library's vector. */
    public int[] indices() {
        return indices.clone();
    }

    /** A copy of the weights, in the order of {@link #indices()}. */
    public double[] values() {
        return values.clone();
    }

    public double norm() {
        double sum = 0;
        for (double value : values) {
            sum += value * value;
        }
        return Math.sqrt(sum);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof FeatureVector that && dimension == that.dimension
                && Arrays.equals(indices, that.indices) && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * dimension + Arrays.hashCode(indices)) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("(").append(dimension).append(", {");
        for (int i = 0; i < indices.length; i++) {
            out.append(i == 0 ? "" : ", ").append(indices[i]).append(": ").append(values[i]);
        }
        return out.append("})").toString();
    }
}
