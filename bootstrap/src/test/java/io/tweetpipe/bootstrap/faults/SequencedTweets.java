package io.tweetpipe.bootstrap.faults;

import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.control.Option;
import java.time.Instant;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Tweets that carry their sequence number, so that what reaches the sink can be counted exactly: which were lost,
 * which came twice, and which came changed (mangled, split, merged or invented).
 *
 * <p>Every body is the same length and made of what tweets are made of (accents, an emoji), and matches the demo's
 * default filter ({@code covid}, English). After the stream job's preprocessing a record is the body lower-cased;
 * {@link #seqOf} accepts exactly that and nothing else.
 */
final class SequencedTweets {

    static final int DIGITS = 9;
    private static final String PREFIX = "Seq ";
    private static final String SUFFIX = " COVID update: the clinic on Élm Street opens at 9, café àfterwards 😷"
            + " #health @city";
    private static final String RECORD_PREFIX = PREFIX.toLowerCase(Locale.ROOT);
    private static final String RECORD_SUFFIX = SUFFIX.toLowerCase(Locale.ROOT);
    static final int RECORD_LENGTH = PREFIX.length() + DIGITS + SUFFIX.length();
    private static final long ID_BASE = 1_000_000_000_000L;
    private static final Language ENGLISH = Language.of("en").get();
    private static final Instant CREATED_AT = Instant.parse("2026-11-24T10:00:00Z");
    private static final Author AUTHOR = new Author(7, "sample");

    private SequencedTweets() {
    }

    static String body(long seq) {
        if (seq < 0 || seq >= 1_000_000_000L) {
            throw new IllegalArgumentException("seq " + seq);
        }
        char[] chars = new char[RECORD_LENGTH];
        PREFIX.getChars(0, PREFIX.length(), chars, 0);
        long rest = seq;
        for (int i = PREFIX.length() + DIGITS - 1; i >= PREFIX.length(); i--) {
            chars[i] = (char) ('0' + rest % 10);
            rest /= 10;
        }
        SUFFIX.getChars(0, SUFFIX.length(), chars, PREFIX.length() + DIGITS);
        return new String(chars);
    }

    static Frame frame(long seq) {
        return Frame.of(body(seq)).get();
    }

    /** The id a sequenced tweet carries on the structured wire: unique per number, as a tweet's id is. */
    static TweetId id(long seq) {
        return new TweetId(ID_BASE + seq);
    }

    /**
     * {@link #body} as a structured record (the demo's wire, and the one whose records the stores key by id), with
     * {@link #id}: the stream's record is the same lower-cased body as from the text wire.
     */
    static Frame structuredFrame(long seq) {
        String body = body(seq);
        Tweet tweet = new Tweet(id(seq), body, Option.none(), ENGLISH, CREATED_AT, AUTHOR, Entities.extract(body));
        return Frame.of(tweet, Wire.STRUCTURED).get();
    }

    /** Bytes of one frame on the wire: every sequenced frame has this length. */
    static int frameBytes() {
        return frame(0).text().getBytes(StandardCharsets.UTF_8).length;
    }

    /** What the sink should get for {@code seq}. */
    static String record(long seq) {
        return body(seq).toLowerCase(Locale.ROOT);
    }

    /** The sequence number of a record that is exactly what the sink should get for it, else -1. */
    static long seqOf(String record) {
        if (record.length() != RECORD_LENGTH || !record.startsWith(RECORD_PREFIX)
                || !record.startsWith(RECORD_SUFFIX, RECORD_PREFIX.length() + DIGITS)) {
            return -1;
        }
        long seq = 0;
        for (int i = RECORD_PREFIX.length(); i < RECORD_PREFIX.length() + DIGITS; i++) {
            char c = record.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            seq = seq * 10 + (c - '0');
        }
        return seq;
    }

    /** One status of Twitter's v1.1 stream carrying {@link #body}, as a replay file holds it. */
    static String statusJson(long seq) {
        long id = id(seq).value();
        return "{\"created_at\":\"Tue Nov 24 10:00:00 +0000 2026\",\"id\":" + id + ",\"id_str\":\"" + id
                + "\",\"text\":" + Json.string(body(seq)) + ",\"truncated\":false,\"lang\":\"en\","
                + "\"user\":{\"id\":7,\"id_str\":\"7\",\"screen_name\":\"sample\",\"name\":\"Sample\"}}";
    }
}
