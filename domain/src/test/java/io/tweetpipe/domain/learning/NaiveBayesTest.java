package io.tweetpipe.domain.learning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.features.FeatureVector;
import io.tweetpipe.domain.features.LanguageFeatures;
import io.tweetpipe.domain.features.TermHashing;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.Function1;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import org.junit.jupiter.api.Test;

class NaiveBayesTest {

    private static final TermHashing HASHING = new TermHashing(1 << 10);
    private static final Function1<TweetRecord, FeatureVector> FEATURES =
            record -> LanguageFeatures.vector(HASHING, record.body());

    private static FeatureVector v(double... values) {
        int[] indices = new int[values.length];
        java.util.Arrays.setAll(indices, i -> i);
        return FeatureVector.of(4, indices, values);
    }

    static TweetRecord record(String lang, String body) {
        return new TweetRecord(Option.none(), Option.none(), Option.of(lang), Option.none(), body, false,
                Entities.NONE);
    }

    @Test
    void givenCounts_model_isLaplaceSmoothedMultinomialNaiveBayes() {
        NaiveBayesCounts counts = NaiveBayesCounts.tally(4).add("a", v(2, 0, 0, 0)).add("a", v(1, 1, 0, 0))
                .add("b", v(0, 0, 3, 0)).counts();
        // P(a) = 2/3; P(x0|a) = (3+1)/(4+4) = 1/2, P(x1|a) = 2/8; P(b) = 1/3; P(x0|b) = 1/7, P(x1|b) = 1/7.
        double a = Math.log(2 / 3.0) + Math.log(0.5) + Math.log(0.25);
        double b = Math.log(1 / 3.0) + Math.log(1 / 7.0) + Math.log(1 / 7.0);

        assertTrue(a > b);
        assertEquals(Option.some("a"), counts.model().predict(v(1, 1, 0, 0)));
        assertEquals(Option.some("b"), counts.model().predict(v(0, 0, 1, 0)));
        assertEquals(List.of("a", "b"), counts.labels());
        assertEquals(3, counts.documents());
    }

    @Test
    void givenNothingLearnt_predict_givesNone() {
        assertEquals(Option.none(), NaiveBayesCounts.empty(4).model().predict(v(1, 0, 0, 0)));
        assertTrue(NaiveBayesCounts.empty(4).model().isEmpty());
    }

    @Test
    void givenTwoPartitions_plus_equalsCountingThemTogether() {
        NaiveBayesCounts first = NaiveBayesCounts.tally(4).add("b", v(0, 1, 0, 0)).counts();
        NaiveBayesCounts second = NaiveBayesCounts.tally(4).add("a", v(2, 0, 0, 1)).add("b", v(0, 0, 1, 0))
                .counts();
        NaiveBayesCounts together = NaiveBayesCounts.tally(4).add("a", v(2, 0, 0, 1)).add("b", v(0, 1, 0, 0))
                .add("b", v(0, 0, 1, 0)).counts();

        for (FeatureVector probe : List.of(v(1, 0, 0, 0), v(0, 1, 0, 0), v(0, 0, 0, 1), v(1, 1, 1, 1))) {
            assertEquals(together.model().predict(probe), first.plus(second).model().predict(probe));
            assertEquals(together.model().predict(probe), second.plus(first).model().predict(probe));
        }
        assertEquals(2, first.plus(second).documents("b"));
    }

    @Test
    void givenTwoBatches_prequential_judgesTheSecondByTheFirst() {
        Seq<TweetRecord> first = List.of(record("en", "the weather is fine today"),
                record("es", "el metro iba lleno otra vez"), record(null, "no language here"));
        Seq<TweetRecord> second = List.of(record("en", "the train was empty"), record("es", "el metro iba vacío"));

        Prequential one = Prequential.of(NaiveBayesCounts.empty(HASHING.dimension()).model(), first.iterator(),
                FEATURES, HASHING.dimension());
        Prequential two = Prequential.of(one.learnt().model(), second.iterator(), FEATURES, HASHING.dimension());

        assertEquals(Accuracy.NONE, one.judged(), "nothing to predict with before the first labels");
        assertEquals(2, one.unjudged());
        assertEquals(1, one.unlabelled());
        assertEquals(new Accuracy(2, 2), two.judged());
        assertEquals(4, one.learnt().plus(two.learnt()).documents());
        assertEquals(new Accuracy(2, 2), one.merge(two).judged());
        assertEquals(1, one.merge(two).unlabelled());
    }

    @Test
    void givenAWrongGuess_prequential_countsItWrong() {
        NaiveBayesModel english = NaiveBayesCounts.tally(HASHING.dimension())
                .add("en", FEATURES.apply(record("en", "the train was empty"))).counts().model();

        Prequential judged = Prequential.of(english, List.of(record("es", "el tren")).iterator(), FEATURES,
                HASHING.dimension());

        assertEquals(new Accuracy(0, 1), judged.judged(), "it knows English alone, and says English");
    }
}
