package io.tweetpipe.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.framing.GeneratedText;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.HashSet;
import io.vavr.control.Option;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A task's tally, which counts a tweet's keys before leaving out its language's stop words and the excluded keys,
 * against the keys of each tweet counted one by one, over tweets of several languages: the same counts.
 */
class KeyTallyTest {

    private static final Window WINDOW = new Window(Duration.ofSeconds(60), Duration.ofSeconds(10));
    /** Words that are stop words in some languages and not in others, the excluded keyword, and plain words. */
    private static final String[] WORDS = {"the", "de", "die", "que", "und", "le", "os", "a", "rt", "covid", "Covid",
        "vaccine", "salud", "impfung", "hôpital", "data", "#covid", "#salud", "#data", "@who", "https://t.co/x"};
    private static final Option<String>[] LANGUAGES = languages();

    @SuppressWarnings("unchecked")
    private static Option<String>[] languages() {
        return new Option[] {Option.none(), Option.some("en"), Option.some("es"), Option.some("de"),
            Option.some("pt-br"), Option.some("fr"), Option.some("xx")};
    }

    @Test
    void givenTweetsOfSeveralLanguages_counts_equalTheirKeysCountedOneByOne() {
        Random random = new Random(20261130L);
        GeneratedText hostile = new GeneratedText(20261130L);
        for (Subject subject : Subject.values()) {
            for (Analysis.Trending trending : new Analysis.Trending[] {new Analysis.Trending(subject, WINDOW, 10),
                new Analysis.Trending(subject, WINDOW, 10, HashSet.of("covid", "data"))}) {
                KeyTally tally = trending.keyRule().tally();
                Map<String, Long> oneByOne = new HashMap<>();
                for (int i = 0; i < 3_000; i++) {
                    TweetRecord tweet = tweet(random, hostile);
                    tally.add(tweet);
                    trending.keys(tweet).forEach(key -> oneByOne.merge(key, 1L, Long::sum));
                }

                Map<String, Long> tallied = new HashMap<>();
                tally.counts().forEach(tallied::put);

                assertEquals(oneByOne, tallied, trending.toString());
                assertTrue(oneByOne.size() > 3, () -> "keys were counted: " + oneByOne);
            }
        }
    }

    private static TweetRecord tweet(Random random, GeneratedText hostile) {
        StringBuilder text = new StringBuilder();
        for (int word = random.nextInt(12); word >= 0; word--) {
            text.append(random.nextInt(10) == 0 ? hostile.next() : WORDS[random.nextInt(WORDS.length)]).append(' ');
        }
        String body = text.toString().strip();
        return new TweetRecord(Option.none(), Option.none(), LANGUAGES[random.nextInt(LANGUAGES.length)],
                Option.none(), body.toLowerCase(java.util.Locale.ROOT), false, Entities.extract(body));
    }
}
