package io.tweetpipe.domain.features;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.HashMap;
import io.vavr.collection.List;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class FeaturesTest {

    private static final TermHashing HASHING = new TermHashing(1 << 13);

    @Test
    void givenATerm_bucket_isFixedAcrossRunsAndJvms() {
        // String.hashCode is fixed by the language; a saved model depends on these staying where they are.
        assertEquals(List.of(4575, 5807, 6151), List.of("the", "vacuna", "😷").map(HASHING::bucket));
        assertEquals(HASHING.bucket("vacuna"), new TermHashing(1 << 13).bucket("vacuna"));
    }

    @Test
    void givenManyTerms_bucket_spreadsThemOverTheDimension() {
        TermHashing small = new TermHashing(64);
        long used = List.range(0, 640).map(i -> small.bucket("t" + i)).distinct().size();

        assertTrue(used > 56, used + " of 64 buckets used by 640 terms");
    }

    @Test
    void givenRepeatedTerms_counts_addThemInTheirBucket() {
        FeatureVector v = HASHING.vector(List.of("b", "a", "b", "b"), TermHashing.Weighting.COUNTS);

        assertEquals(2, v.size());
        assertEquals(3.0, v.value(v.index(0) == HASHING.bucket("b") ? 0 : 1));
        assertEquals(4.0, v.value(0) + v.value(1));
        assertTrue(v.index(0) < v.index(1), "ascending buckets");
    }

    @Test
    void givenRepeatedTerms_logScaledUnit_dampsRepeatsAndHasLengthOne() {
        FeatureVector v = HASHING.vector(List.of("b", "a", "b", "b"), TermHashing.Weighting.LOG_SCALED_UNIT);
        double b = 1 + Math.log(3);

        assertEquals(1.0, v.norm(), 1e-12);
        int bAt = v.index(0) == HASHING.bucket("b") ? 0 : 1;
        assertEquals(b / Math.sqrt(b * b + 1), v.value(bAt), 1e-12);
        assertTrue(HASHING.vector(List.empty(), TermHashing.Weighting.LOG_SCALED_UNIT).isEmpty());
    }

    @Test
    void givenBadIndices_of_refusesThem() {
        assertThrows(IllegalArgumentException.class, () -> FeatureVector.of(4, new int[] {2, 1}, new double[2]));
        assertThrows(IllegalArgumentException.class, () -> FeatureVector.of(4, new int[] {4}, new double[1]));
        assertThrows(IllegalArgumentException.class, () -> FeatureVector.of(4, new int[] {1}, new double[2]));
        assertEquals(FeatureVector.of(4, new int[] {1}, new double[] {2}),
                FeatureVector.of(4, new int[] {1}, new double[] {2}));
    }

    @Test
    void givenAWord_languageTerms_areItsPaddedCharacterGrams() {
        assertEquals(List.of("o", "k", " o", "ok", "k ", " ok", "ok "), LanguageFeatures.terms("OK"));
    }

    @Test
    void givenEntitiesAndEmoji_languageTerms_skipEntitiesAndKeepSymbols() {
        assertEquals(List.of("¿", "?", "😷"), LanguageFeatures.terms("¿? #covid @who https://t.co/x 😷").takeRight(3));
        assertEquals(3, LanguageFeatures.terms("¿? #covid @who https://t.co/x 😷").size(), "no gram of an entity");
    }

    @Test
    void givenARecordInALanguage_topicTerms_dropThatLanguagesStopWords() {
        TweetRecord spanish = new TweetRecord(Option.none(), Option.none(), Option.some("es"), Option.none(),
                "el metro iba lleno the end", false, Entities.NONE);

        assertEquals(List.of("metro", "iba", "lleno", "the", "end"), TopicFeatures.terms(spanish));
        assertEquals(1.0, TopicFeatures.vector(HASHING, spanish).norm(), 1e-12);
    }

    @Test
    void givenWordsSeen_name_isTheMostCountedInTheBucket() {
        TermHashing one = new TermHashing(1);  // every word in bucket 0
        TermDictionary dictionary = TermDictionary.empty(one)
                .plus(HashMap.of("alpha", 3L, "beta", 1L, "gamma", 1L, "delta", 2L));

        assertEquals(Option.some("alpha"), dictionary.name(0));
        assertEquals(Option.some("beta"), dictionary.plus(HashMap.of("beta", 5L)).name(0), "beta: 1 + 5 = 6");
        // gamma lost the tie with beta and left the full bucket, its count with it: 7 alone is still the most.
        assertEquals(Option.some("gamma"), dictionary.plus(HashMap.of("beta", 5L)).plus(HashMap.of("gamma", 7L))
                .name(0));
        assertEquals(Option.some("alpha"), dictionary.plus(HashMap.of("epsilon", 1L)).name(0));
        assertEquals(1, dictionary.size());
        assertFalse(TermDictionary.empty(one).name(0).isDefined());
    }
}
