package io.tweetpipe.domain.learning;

import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.io.Serializable;

/**
 * What one batch put in each cluster, counted partition by partition: how many tweets, of which languages, and every
 * word seen (for the dictionary that names the centres' buckets). Tweets with no terms are in no cluster, and counted
 * apart. Mutable while one partition counts; partitions {@link #merge}.
 */
public final class ClusterTally implements Serializable {

    private final long[] sizes;
    private final java.util.Map<Integer, java.util.Map<String, Long>> languages = new java.util.HashMap<>();
    private final java.util.Map<String, Long> words = new java.util.HashMap<>();
    private long withoutTerms;

    public ClusterTally(int k) {
        this.sizes = new long[k];
    }

    /** A tweet in the cluster at {@code index} of the model. */
    public ClusterTally add(int index, Option<String> language, Seq<String> terms) {
        sizes[index]++;
        for (String lang : language) {
            languages.computeIfAbsent(index, i -> new java.util.HashMap<>()).merge(lang, 1L, Long::sum);
        }
        for (String term : terms) {
            words.merge(term, 1L, Long::sum);
        }
        return this;
    }

    /** A tweet with no terms to place it by. */
    public ClusterTally addWithoutTerms() {
        withoutTerms++;
        return this;
    }

    /** This tally with the other's counts added; the other is left as it was. */
    public ClusterTally merge(ClusterTally other) {
        for (int i = 0; i < sizes.length; i++) {
            sizes[i] += other.sizes[i];
        }
        other.languages.forEach((index, counts) -> counts.forEach((lang, n) -> languages
                .computeIfAbsent(index, x -> new java.util.HashMap<>()).merge(lang, n, Long::sum)));
        other.words.forEach((word, n) -> words.merge(word, n, Long::sum));
        withoutTerms += other.withoutTerms;
        return this;
    }

    public long size(int index) {
        return sizes[index];
    }

    /** The languages of the cluster's tweets that had one. */
    public Map<String, Long> languages(int index) {
        return HashMap.ofAll(languages.getOrDefault(index, java.util.Map.of()));
    }

    public Map<String, Long> words() {
        return HashMap.ofAll(words);
    }

    public long withoutTerms() {
        return withoutTerms;
    }
}
