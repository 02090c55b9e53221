package io.tweetpipe.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keys counted where they stand agree with a map of copied keys, however many and however their hashes collide. */
class KeyCountsTest {

    @Test
    void givenRangesOfTexts_key_countsEachKeyAsItsCopyWouldBe() {
        KeyCounts counts = new KeyCounts();

        counts.key("the vaccine works", 4, 11);
        counts.key("vaccine", 0, 7);
        counts.key("a vaccines", 2, 9);
        counts.add("works", 0, 5, 3);

        assertEquals(3, counts.count("vaccine"));
        assertEquals(3, counts.count("works"));
        assertEquals(0, counts.count("vaccines"), "a longer word is another key");
        assertEquals(0, counts.count("the vaccine works", 0, 3));
        assertEquals(2, counts.size());
    }

    @Test
    void givenThousandsOfKeysAndCollidingHashes_key_agreesWithAMapOfCopies() {
        // "Aa" and "BB" share a hash, so do all their concatenations: the probe must compare the keys themselves.
        List<String> colliding = List.of("AaAa", "AaBB", "BBAa", "BBBB");
        Map<String, Long> expected = new HashMap<>();
        KeyCounts counts = new KeyCounts();
        Random random = new Random(7);
        for (int i = 0; i < 50_000; i++) {
            String key = i % 5 == 0 ? colliding.get(random.nextInt(4)) : "w" + random.nextInt(5_000);
            String text = "<" + key + ">";
            counts.key(text, 1, text.length() - 1);
            expected.merge(key, 1L, Long::sum);
        }

        Map<String, Long> actual = new HashMap<>();
        counts.forEach(actual::put);
        assertEquals(expected, actual);
        assertEquals(expected.size(), counts.size());
    }

    @Test
    void givenStopWords_contains_looksUpARangeWithoutCopyingIt() {
        WordSet stop = WordSet.of(List.of("the", "and"));

        assertTrue(stop.contains("and the rest", 4, 7));
        assertFalse(stop.contains("and the rest", 8, 12));
        assertFalse(stop.contains("them", 0, 4));
        assertTrue(WordSet.of(List.of()).isEmpty());
    }
}
