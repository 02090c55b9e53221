package io.tweetpipe.application.contract;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.control.Option;
import java.time.Instant;
import java.util.function.Function;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Batches of generated tweets, each tweet declaring the hashtags and words it holds, so that what every window and
 * every running total must count is known without any engine: summing the declarations is the expected result.
 */
record TimedTweets(Seq<Seq<Tweet>> batches) {

    /**
     * One tweet.
     *
     * @param text what the relay frames
     * @param hashtags the hashtags it holds, lower-cased
     * @param words the words a word ranking counts in it
     */
    record Tweet(String text, Seq<String> hashtags, Seq<String> words, Option<io.tweetpipe.domain.tweet.Tweet> structured) {
        Tweet(String text, Seq<String> hashtags, Seq<String> words) {
            this(text, hashtags, words, Option.none());
        }

        String expectedBody() {
            return structured.map(io.tweetpipe.domain.tweet.Tweet::body).getOrElse(text).replace('\n', ' ').toLowerCase(Locale.ROOT).strip();
        }

        Option<String> author() {
            return structured.map(status -> status.author().screenName().toLowerCase(Locale.ROOT));
        }

        String frame() {
            return structured.isDefined() ? Frame.of(structured.get(), Wire.STRUCTURED).get().text()
                    : Frame.of(text).get().text();
        }
    }

    /** A tweet sent on the structured wire: language, author, and the entities Twitter gives. */
    private static Tweet structured(long id, String text, Option<String> fullText, String lang, String author,
                                    Seq<String> hashtags, Seq<String> words) {
        io.tweetpipe.domain.tweet.Tweet status = new io.tweetpipe.domain.tweet.Tweet(new TweetId(id), text, fullText, new Language(lang),
                Instant.parse("2026-11-29T10:00:00Z").plusSeconds(id), new Author(id, author),
                new Entities(hashtags, List.empty(), List.empty()));
        return new Tweet(text, hashtags.map(tag -> tag.toLowerCase(Locale.ROOT)), words, Option.some(status));
    }

    private static final Seq<String> TAGS = List.of("Covid", "vaccine", "maskUp", "salud", "ÉTÉ");
    private static final Seq<String> WORDS = List.of("vaccine", "mask", "hospital", "école", "straße", "ωmega",
            "well-being");

    static TimedTweets generate() {
        List<Seq<Tweet>> batches = List.empty();
        for (int k = 1; k <= 12; k++) {
            List<Tweet> batch = List.empty();
            for (int i = 0; i < k % 3 + 2; i++) {
                String tag = TAGS.get((k * (i + 1)) % TAGS.size());
                String word = WORDS.get((k + i) % WORDS.size());
                batch = batch.append(new Tweet("The " + capitalised(word) + " and #" + tag + " https://t.co/x @Someone",
                        List.of(tag.toLowerCase(Locale.ROOT)), List.of(word)));
            }
            // A tie in every batch: broken by the key.
            batch = batch.append(new Tweet("delta epsilon", List.empty(), List.of("delta", "epsilon")));
            // Hostile text: the marker, a backslash, a line break, an emoji, and the shape of a structured record.
            batch = batch.append(new Tweet("Nurse\\Doctor __end 😷\n{\"id\":1,\"body\":\"x\"} #Covid",
                    List.of("covid"), List.of("nurse", "doctor", "end", "id", "body")));
            // The structured wire: an author and a language; an extended tweet whose hashtag is only in its full text.
            batch = batch.append(structured(100L * k + 1, "Good NEWS about the vaccine #Covid", Option.none(), "en",
                    "Author" + k % 3, List.of("Covid"), List.of("good", "news", "vaccine")));
            batch = batch.append(structured(100L * k + 2, "Long story short\u2026 https://t.co/x",
                    Option.some("Long story short: the clinic stays open #Extended"), "en", "writer" + k % 2,
                    List.of("Extended"), List.of("long", "story", "short", "clinic", "stays", "open")));
            // Several languages, each with its stop words.
            batch = batch.append(switch (k % 4) {
                case 0 -> new Tweet("el hospital de la ciudad", List.empty(), List.of("hospital", "ciudad"));
                case 1 -> new Tweet("a vacina não chegou #Saúde", List.of("saúde"), List.of("vacina", "chegou"));
                case 2 -> new Tweet("le masque est obligatoire", List.empty(), List.of("masque", "obligatoire"));
                default -> new Tweet("die Impfung ist gut", List.empty(), List.of("impfung", "gut"));
            });
            batches = batches.append(batch);
        }
        return new TimedTweets(batches);
    }

    private static String capitalised(String word) {
        return word.substring(0, 1).toUpperCase(Locale.ROOT) + word.substring(1);
    }

    /** What the relay writes for each batch: one chunk per tweet. */
    Seq<Seq<byte[]>> chunks() {
        return batches.map(batch -> batch.map(tweet -> tweet.frame().getBytes(StandardCharsets.UTF_8)));
    }

    /** The counts in the window of {@code length} batches that ends at batch {@code end} (counted from 1). */
    Map<String, Long> countsInWindow(Subject subject, long end, long length) {
        Map<String, Long> counts = new HashMap<>();
        for (long batch = Math.max(1, end - length + 1); batch <= end; batch++) {
            for (Tweet tweet : batches.get((int) batch - 1)) {
                (subject == Subject.HASHTAGS ? tweet.hashtags() : tweet.words())
                        .forEach(key -> counts.merge(key, 1L, Long::sum));
            }
        }
        return counts;
    }

    /**
     * Each hashtag's count since the start, as the running totals hold it after batch {@code at}: at every sweep
     * (every batch whose time is a multiple of the sweep), a hashtag last seen before the batch time less the idle
     * timeout is forgotten, count and all.
     */
    TreeMap<String, Long> hashtagsSinceStart(int at, Duration batch, Analysis.RunningTotals totals) {
        return sinceStart(at, batch, totals, Tweet::hashtags);
    }

    /** How many distinct authors the totals hold after batch {@code at}, by the same rule; text frames have none. */
    long authorsSinceStart(int at, Duration batch, Analysis.RunningTotals totals) {
        return sinceStart(at, batch, totals, tweet -> tweet.author().toList()).size();
    }

    private TreeMap<String, Long> sinceStart(int at, Duration batch, Analysis.RunningTotals totals,
                                             Function<Tweet, Seq<String>> keys) {
        TreeMap<String, Long> counts = new TreeMap<>();
        Map<String, Integer> lastSeen = new HashMap<>();
        for (int k = 1; k <= at; k++) {
            for (Tweet tweet : batches.get(k - 1)) {
                for (String key : keys.apply(tweet)) {
                    counts.merge(key, 1L, Long::sum);
                    lastSeen.put(key, k);
                }
            }
            if (k * batch.toMillis() % totals.sweep().toMillis() == 0) {
                long threshold = k * batch.toMillis() - totals.idleTimeout().toMillis();
                counts.keySet().removeIf(key -> lastSeen.get(key) * batch.toMillis() < threshold);
            }
        }
        return counts;
    }
}
