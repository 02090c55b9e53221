package io.tweetpipe.domain.tweet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.control.Option;
import java.time.Instant;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TweetTest {

    @Test
    void givenExtendedTweet_body_isTheFullText() {
        Tweet tweet = new Tweet(new TweetId(1), "short… https://t.co/a", Option.some("short and then the rest"),
                new Language("en"), Instant.EPOCH, new Author(1, "a"), Entities.NONE);

        assertEquals("short and then the rest", tweet.body());
    }

    @Test
    void givenClassicTweet_body_isTheText() {
        Tweet tweet = new Tweet(new TweetId(1), "short", Option.none(), new Language("en"), Instant.EPOCH,
                new Author(1, "a"), Entities.NONE);

        assertEquals("short", tweet.body());
    }

    @Test
    void givenAnyText_languageOf_acceptsExactlyTheTagsItsPatternDescribes() {
        Random random = new Random(20261124L);
        String alphabet = "abcz09-_A ";
        int accepted = 0;
        for (int i = 0; i < 100_000; i++) {
            StringBuilder code = new StringBuilder();
            for (int length = random.nextInt(14); length > 0; length--) {
                code.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String normalised = code.toString().strip().toLowerCase(Locale.ROOT);
            boolean tag = normalised.matches("[a-z]{2,3}(-[a-z0-9]{2,8})*");

            assertEquals(tag, Language.of(code.toString()).isRight(), code::toString);
            accepted += tag ? 1 : 0;
        }
        assertTrue(accepted > 1_000, "some generated codes are tags: " + accepted);
    }

    @Test
    void givenBadValues_factories_refuseThemAsValues() {
        assertTrue(TweetId.of(0).isLeft());
        assertTrue(Language.of("en_US").isLeft());
        assertEquals(new Language("zh-cn"), Language.of(" ZH-CN ").get());
    }
}
