package io.tweetpipe.application.contract;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.framing.Frame;
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
    record Tweet(String text, Seq<String> hashtags, Seq<String> words) {
        String expectedBody() {
            return text.replace('\n', ' ').toLowerCase(Locale.ROOT).strip();
        }
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
        return batches.map(batch -> batch.map(tweet -> Frame.of(tweet.text()).get().text()
                .getBytes(StandardCharsets.UTF_8)));
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
        TreeMap<String, Long> counts = new TreeMap<>();
        Map<String, Integer> lastSeen = new HashMap<>();
        for (int k = 1; k <= at; k++) {
            for (Tweet tweet : batches.get(k - 1)) {
                for (String tag : tweet.hashtags()) {
                    counts.merge(tag, 1L, Long::sum);
                    lastSeen.put(tag, k);
                }
            }
            if (k * batch.toMillis() % totals.sweep().toMillis() == 0) {
                long threshold = k * batch.toMillis() - totals.idleTimeout().toMillis();
                int now = k;
                counts.keySet().removeIf(tag -> lastSeen.get(tag) < now && lastSeen.get(tag) * batch.toMillis()
                        < threshold);
            }
        }
        return counts;
    }

    /** Text frames carry no author. */
    long authorsSinceStart(int at, Duration batch, Analysis.RunningTotals totals) {
        return 0;
    }
}
