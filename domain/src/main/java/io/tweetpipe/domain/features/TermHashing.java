package io.tweetpipe.domain.features;

import io.vavr.collection.Seq;
import java.io.Serializable;
import java.util.Arrays;

/**
 * The hashing trick: each term goes to one of {@code dimension} buckets by a hash of its characters, so a model has a
 * fixed number of weights however many words the stream invents, and nothing must be counted before the first tweet.
 * Two terms may share a bucket; a dimension well above the vocabulary keeps that rare, and {@link TermDictionary}
 * names a bucket by the word seen most in it.
 *
 * <p>The hash is {@link String#hashCode()}, which the Java language fixes, spread by MurmurHash3's finaliser (the low
 * bits of a short string's hash are poor): the same term lands in the same bucket on every JVM, so a model saved by one
 * process reads the same in another.
 */
public record TermHashing(int dimension) implements Serializable {

    /** How each bucket's occurrences become its weight. */
    public enum Weighting {
        /** How many times the bucket's terms occur: what naive Bayes counts. */
        COUNTS,
        /**
         * {@code 1 + ln(count)}, the vector then scaled to length 1: a word said five times is not five times the
         * topic, and a long tweet is not further from every centre than a short one (distances become cosines).
         */
        LOG_SCALED_UNIT
    }

    public TermHashing {
        if (dimension < 1) {
            throw new IllegalArgumentException("dimension " + dimension);
        }
    }

    public int bucket(String term) {
        int h = term.hashCode();
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return Math.floorMod(h, dimension);
    }

    public FeatureVector vector(Seq<String> terms, Weighting weighting) {
        int[] buckets = new int[terms.size()];
        int n = 0;
        for (String term : terms) {
            buckets[n++] = bucket(term);
        }
        Arrays.sort(buckets);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (i == 0 || buckets[i] != buckets[i - 1]) {
                distinct++;
            }
        }
        int[] indices = new int[distinct];
        double[] values = new double[distinct];
        int j = -1;
        for (int i = 0; i < n; i++) {
            if (i == 0 || buckets[i] != buckets[i - 1]) {
                indices[++j] = buckets[i];
            }
            values[j]++;
        }
        if (weighting == Weighting.LOG_SCALED_UNIT) {
            double squares = 0;
            for (int i = 0; i < distinct; i++) {
                values[i] = 1 + Math.log(values[i]);
                squares += values[i] * values[i];
            }
            double norm = Math.sqrt(squares);
            for (int i = 0; i < distinct; i++) {
                values[i] /= norm;
            }
        }
        return FeatureVector.of(dimension, indices, values);
    }
}
