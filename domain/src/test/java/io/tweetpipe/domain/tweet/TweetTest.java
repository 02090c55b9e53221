package io.tweetpipe.domain.tweet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.control.Option;
import java.time.Instant;
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
    void givenBadValues_factories_refuseThemAsValues() {
        assertTrue(TweetId.of(0).isLeft());
        assertTrue(Language.of("en_US").isLeft());
        assertEquals(new Language("zh-cn"), Language.of(" ZH-CN ").get());
    }
}
