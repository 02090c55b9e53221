package io.tweetpipe.bootstrap.bench;

import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's tweets: a fixed pool of bodies of realistic length (100 to 280 characters, most around 140 to
 * 220), mixed case, hashtags, mentions, links, accents, and an emoji in about a third of them; generated once from a
 * fixed seed, so every run relays the same texts.
 *
 * <p>A tweet on the text wire is {@code <send time, epoch ms> <sequence> <body>__end\n}: the job lower-cases and
 * prints it, and the harness reads the send time back from the printed record. On the structured wire the same text
 * is the record's body, beside a language (five, in turn) for the analyses that learn from labels.
 */
final class BenchTweets {

    static final int POOL = 4096;

    private static final String[] WORDS = {
        "covid", "vaccine", "booster", "the", "clinic", "on", "elm", "street", "opens", "late", "tonight", "our",
        "team", "shipped", "dashboard", "finally", "wash", "your", "hands", "it", "still", "works", "long", "queue",
        "at", "pharmacy", "and", "nobody", "minded", "grandma", "says", "hi", "to", "everyone", "cases", "are",
        "falling", "again", "in", "district", "hospital", "staff", "deserve", "a", "raise", "stay", "home", "if", "you",
        "feel", "sick", "reading", "weekly", "report", "over", "coffee", "train", "was", "half", "empty", "today",
        "school", "sent", "letter", "about", "masks", "Numbers", "LOOK", "Better", "this", "week", "salud", "vacuna",
        "síntomas", "mañana", "café", "über", "Gesundheit", "impfung", "prévention", "hôpital", "ça", "va", "naïve"};
    private static final String[] TAGS = {"#covid", "#COVID19", "#vaccine", "#health", "#salud", "#dataviz",
        "#MondayMotivation", "#news", "#santé", "#健康"};
    private static final String[] EMOJI = {"😷", "💉", "🦠", "🙏", "❤️", "🇧🇷", "👍", "🎉", "📈", "🤒", "🏥", "😂"};

    private static final String[] LANGUAGES = {"en", "es", "pt", "fr", "de"};
    /** Where the stamp goes in a structured record's body: letters, which the record's JSON leaves as they are. */
    private static final String STAMP = "BENCHSTAMP";

    private BenchTweets() {
    }

    /** One pool tweet framed for the wire, split where its stamp goes. */
    record Template(String head, String tail) {
    }

    /** The pool's tweets, framed for that wire without the stamp: escaped text (or record), marker, newline. */
    static List<Template> templates(Wire wire) {
        Random random = new Random(2026_11_24L);
        List<Template> framed = new ArrayList<>(POOL);
        for (int i = 0; i < POOL; i++) {
            String body = body(random);
            if (wire == Wire.TEXT) {
                framed.add(new Template("", " " + Frame.of(body).get().text()));
            } else {
                Tweet tweet = new Tweet(new TweetId(i + 1), STAMP + " " + body, Option.none(),
                        Language.of(LANGUAGES[i % LANGUAGES.length]).get(), Instant.parse("2026-11-24T10:00:00Z"),
                        Author.UNKNOWN, Entities.extract(body));
                String text = Frame.of(tweet, Wire.STRUCTURED).get().text();
                int at = text.indexOf(STAMP);
                framed.add(new Template(text.substring(0, at), text.substring(at + STAMP.length())));
            }
        }
        return framed;
    }

    /** A stamped tweet, framed: the stamp is digits and spaces, which framing leaves as they are. */
    static Frame stamped(long sentAtMillis, long sequence, Template template) {
        return new Frame(template.head() + sentAtMillis + " " + sequence + template.tail());
    }

    /** Mean bytes on the wire per stamped tweet, for MB/s figures. */
    static double meanWireBytes(List<Template> templates) {
        long bytes = 0;
        for (Template template : templates) {
            bytes += stamped(System.currentTimeMillis(), 1_000_000, template).bytes().length;
        }
        return (double) bytes / templates.size();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String body(Random random) {
        int roll = random.nextInt(10);
        int target = roll < 3 ? 100 + random.nextInt(40) : roll < 8 ? 140 + random.nextInt(80) : 220 + random.nextInt(61);
        StringBuilder text = new StringBuilder(target + 16);
        boolean emoji = random.nextInt(3) == 0;
        while (text.codePointCount(0, text.length()) < target) {
            if (text.length() > 0) {
                text.append(' ');
            }
            int kind = random.nextInt(20);
            if (kind == 0) {
                text.append(TAGS[random.nextInt(TAGS.length)]);
            } else if (kind == 1) {
                text.append('@').append(handle(random));
            } else if (kind == 2) {
                text.append("https://t.co/").append(token(random, 10));
            } else if (kind == 3 && emoji) {
                text.append(EMOJI[random.nextInt(EMOJI.length)]);
            } else {
                text.append(WORDS[random.nextInt(WORDS.length)]);
            }
        }
        String body = text.toString();
        int end = body.offsetByCodePoints(0, Math.min(target, body.codePointCount(0, body.length())));
        return body.substring(0, end).strip();
    }

    private static String handle(Random random) {
        return token(random, 6 + random.nextInt(8)).toLowerCase(java.util.Locale.ROOT);
    }

    private static String token(Random random, int length) {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }
}
