package io.tweetpipe.domain.framing;

import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.collection.Array;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.Random;

/**
 * Tweets whose every text field tries to break the structured wire: bodies, screen names and entities from
 * {@link GeneratedText} (markers, backslashes, line breaks, control characters, emoji) or shaped like a structured
 * record, ids and times over their whole range.
 */
public final class GeneratedTweets {

    private static final String[] LANGUAGES = {"en", "es", "pt", "fr", "de", "ja", "und", "zh-cn"};
    private static final String[] SHAPED_LIKE_RECORDS = {
        "{\"id\":1,\"body\":\"x\"}", "\u001E{\"id\":1,\"body\":\"x\"}", "\",\"body\":\"", "\\u005f_end", "\u001E",
        "\"}__end\n\u001E{\"body\":\"", "\\", "\"", "\u2028", "\uD83D\uDE00",
    };

    private final Random random;
    private final GeneratedText texts;

    public GeneratedTweets(long seed) {
        random = new Random(seed);
        texts = new GeneratedText(seed);
    }

    public Tweet next() {
        String body = text();
        boolean extended = random.nextInt(3) == 0;
        Instant at = Instant.ofEpochSecond(random.nextInt(2_000_000_000), random.nextInt(4) == 0
                ? random.nextInt(1_000_000_000) : 0);
        long id = random.nextBoolean() ? 1 + random.nextInt(1000)
                : 1 + Math.floorMod(random.nextLong(), Long.MAX_VALUE);
        return new Tweet(new TweetId(id),
                extended ? body.substring(0, Math.min(body.length(), 10)) + "… https://t.co/x" : body,
                extended ? Option.some(body) : Option.none(),
                new Language(LANGUAGES[random.nextInt(LANGUAGES.length)]), at,
                new Author(random.nextInt(1_000_000), shortText()),
                new Entities(texts(), texts(), texts()));
    }

    private String text() {
        return random.nextInt(4) == 0 ? SHAPED_LIKE_RECORDS[random.nextInt(SHAPED_LIKE_RECORDS.length)] + texts.next()
                : texts.next();
    }

    /** A text of at most 40 code points: a screen name or an entity. */
    private String shortText() {
        String text = text();
        return text.codePointCount(0, text.length()) <= 40 ? text : text.substring(0, text.offsetByCodePoints(0, 40));
    }

    private Seq<String> texts() {
        return Array.fill(random.nextInt(4), this::shortText);
    }
}
