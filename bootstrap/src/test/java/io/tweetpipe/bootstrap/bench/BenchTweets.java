package io.tweetpipe.bootstrap.bench;

import io.tweetpipe.domain.framing.Frame;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The benchmark's tweets: a fixed pool of bodies of realistic length (100 to 280 characters, most around 140 to
 * 220), mixed case, hashtags, mentions, links, accents, and an emoji in about a third of them; generated once from a
 * fixed seed, so every run relays the same texts.
 *
 * <p>A tweet on the wire is {@code <send time, epoch ms> <sequence> <body>__end\n}: the job lower-cases and prints
 * it, and the harness reads the send time back from the printed record.
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

    private BenchTweets() {
    }

    /** The pool's bodies, already framed without the stamp: escaped text, marker, newline. */
    static List<String> framedBodies() {
        Random random = new Random(2026_11_24L);
        List<String> framed = new ArrayList<>(POOL);
        for (int i = 0; i < POOL; i++) {
            framed.add(Frame.of(body(random)).get().text());
        }
        return framed;
    }

    /** A stamped tweet, framed: the stamp is digits and spaces, which framing leaves as they are. */
    static Frame stamped(long sentAtMillis, long sequence, String framedBody) {
        return new Frame(sentAtMillis + " " + sequence + " " + framedBody);
    }

    /** Mean bytes on the wire per stamped tweet, for MB/s figures. */
    static double meanWireBytes(List<String> framedBodies) {
        long bytes = 0;
        for (String body : framedBodies) {
            bytes += stamped(System.currentTimeMillis(), 1_000_000, body).bytes().length;
        }
        return (double) bytes / framedBodies.size();
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
