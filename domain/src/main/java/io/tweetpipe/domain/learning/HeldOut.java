package io.tweetpipe.domain.learning;

import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Random;

/**
 * Splits examples into a training set and a held-out test set, each example drawn into the test set with the given
 * probability by a generator of fixed seed: the same examples in the same order always split the same way, and the
 * held-out share is never seen in training.
 */
public final class HeldOut {

    private HeldOut() {
    }

    /** (training, test). */
    public static <T> Tuple2<Seq<T>, Seq<T>> split(Seq<T> examples, double testShare, long seed) {
        if (!(testShare > 0 && testShare < 1)) {
            throw new IllegalArgumentException("a test share of " + testShare + " leaves nothing to train or test");
        }
        Random random = new Random(seed);
        Vector<Tuple2<T, Boolean>> drawn = Vector.ofAll(examples).map(example -> Tuple.of(example,
                random.nextDouble() < testShare));
        return Tuple.of(drawn.filter(pair -> !pair._2()).map(Tuple2::_1), drawn.filter(Tuple2::_2).map(Tuple2::_1));
    }
}
