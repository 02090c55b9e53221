package io.tweetpipe.domain.learning;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.Tuple2;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import org.junit.jupiter.api.Test;

class MeasuresTest {

    private static Contingency table(int[] clusters, String[] labels) {
        Contingency table = Contingency.EMPTY;
        for (int i = 0; i < clusters.length; i++) {
            table = table.plus(clusters[i], labels[i], 1);
        }
        return table;
    }

    @Test
    void givenClustersThatAreTheLabels_agreement_isPerfect() {
        Contingency same = table(new int[] {1, 1, 2, 2, 3}, new String[] {"en", "en", "es", "es", "fr"});

        assertEquals(1.0, same.purity());
        assertEquals(1.0, same.adjustedRandIndex(), 1e-12);
    }

    @Test
    void givenAKnownCase_adjustedRandIndex_matchesTheReference() {
        // scikit-learn's adjusted_rand_score([0, 0, 0, 1, 1, 1], [0, 0, 1, 1, 2, 2]) = 0.24242424...
        Contingency split = table(new int[] {0, 0, 1, 1, 2, 2}, new String[] {"a", "a", "a", "b", "b", "b"});

        assertEquals(0.242424242424, split.adjustedRandIndex(), 1e-9);
        assertEquals(5 / 6.0, split.purity(), 1e-12);  // a a | a b | b b
    }

    @Test
    void givenOneClusterForEverything_agreement_isTheLargestShareAndNoBetterThanChance() {
        Contingency one = table(new int[] {1, 1, 1, 1}, new String[] {"en", "en", "en", "es"});

        assertEquals(0.75, one.purity());
        assertEquals(0.0, one.adjustedRandIndex(), 1e-12);
        assertEquals(4, one.plus(Contingency.EMPTY).total());
        assertEquals(8, one.plus(one).total());
    }

    @Test
    void givenPredictions_confusionMatrix_countsAndDraws() {
        ConfusionMatrix matrix = ConfusionMatrix.of(List.of("en", "en", "es", "fr"), List.of("en", "es", "es", "fr"));

        assertEquals(new Accuracy(3, 4), matrix.accuracy());
        assertEquals(1, matrix.count("en", "es"));
        assertEquals(List.of("en", "es", "fr"), matrix.labels());
        assertEquals(List.of(
                "actual \\ predicted     en     es     fr  recall",
                "en                      1      1      .   0.500",
                "es                      .      1      .   1.000",
                "fr                      .      .      1   1.000"), matrix.lines());
        assertEquals("0.750 (3 of 4)", matrix.accuracy().toString());
    }

    @Test
    void givenCentresThatMovedAndSwapped_follow_keepsEachNumber() {
        double[][] before = {{0, 0}, {10, 0}, {0, 10}};
        double[][] now = {{0.5, 9.5}, {0.2, 0.1}, {9, 1}};  // 3, 1, 2 moved a little, in another order

        assertArrayEquals(new int[] {3, 1, 2}, ClusterIdentities.follow(before, now));
        assertArrayEquals(new int[] {1, 2, 3}, ClusterIdentities.follow(new double[0][], now));
        assertThrows(IllegalArgumentException.class, () -> ClusterIdentities.follow(before, new double[2][2]));
    }

    @Test
    void givenASeed_split_isTheSameEveryTimeAndDisjoint() {
        Seq<Integer> examples = List.range(0, 1000);

        Tuple2<Seq<Integer>, Seq<Integer>> split = HeldOut.split(examples, 0.2, 7);

        assertEquals(split, HeldOut.split(examples, 0.2, 7));
        assertNotEquals(split._2(), HeldOut.split(examples, 0.2, 8)._2());
        assertEquals(examples, split._1().appendAll(split._2()).sorted());
        assertTrue(split._2().size() > 160 && split._2().size() < 240, split._2().size() + " held out");
        assertThrows(IllegalArgumentException.class, () -> HeldOut.split(examples, 1.0, 7));
    }
}
