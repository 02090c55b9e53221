package io.tweetpipe.domain.features;

import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.control.Option;
import java.io.Serializable;
import java.util.Comparator;
import java.util.Objects;

/**
 * The words seen behind each hashed bucket, so that a bucket (a centre's coordinate) can be named. Each bucket keeps
 * the few words counted most in it; a bucket is named by the first of them. Memory stays bounded by the dimension
 * times those few, however long the stream runs: a word that falls out of a full bucket loses its count, which can
 * only happen to a word rarer than the ones kept.
 */
public final class TermDictionary implements Serializable {

    /** Words kept per bucket: more than one, so that a bucket shared by two words names the more frequent. */
    static final int CANDIDATES = 3;

    private static final Comparator<Tuple2<String, Long>> MOST_COUNTED =
            Comparator.<Tuple2<String, Long>, Long>comparing(Tuple2::_2).reversed().thenComparing(Tuple2::_1);

    private final TermHashing hashing;
    private final Map<Integer, Map<String, Long>> buckets;

    private TermDictionary(TermHashing hashing, Map<Integer, Map<String, Long>> buckets) {
        this.hashing = hashing;
        this.buckets = buckets;
    }

    public static TermDictionary empty(TermHashing hashing) {
        return new TermDictionary(Objects.requireNonNull(hashing, "hashing"), HashMap.empty());
    }

    /** With these words counted once more each time they were seen. */
    public TermDictionary plus(Map<String, Long> wordCounts) {
        Map<Integer, Map<String, Long>> updated = buckets;
        for (Tuple2<String, Long> word : wordCounts) {
            int bucket = hashing.bucket(word._1());
            Map<String, Long> words = updated.get(bucket).getOrElse(HashMap.empty())
                    .put(word._1(), word._2(), Long::sum);
            if (words.size() > CANDIDATES) {
                words = words.toSortedSet(MOST_COUNTED).take(CANDIDATES).toMap(Tuple2::_1, Tuple2::_2);
            }
            updated = updated.put(bucket, words);
        }
        return new TermDictionary(hashing, updated);
    }

    /** The word counted most in the bucket (ties: the first in Unicode order), or none if no word was seen there. */
    public Option<String> name(int bucket) {
        return buckets.get(bucket).flatMap(words -> words.toSortedSet(MOST_COUNTED).headOption()).map(Tuple2::_1);
    }

    /** How many buckets have a word. */
    public int size() {
        return buckets.size();
    }
}
