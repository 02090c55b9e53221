package io.tweetpipe.adapters.web;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A stream as the stream service would hand it to the dashboard, batch by batch, made up from a seeded random: tweets
 * built from templates (hashtags drawn by weight, so {@link #TOP_HASHTAG} leads every window), each batch's figures,
 * and every slide the hashtag and word rankings counted over the window's tweets, the running totals and a SQL
 * result by language. The same seed gives the same stream.
 */
final class GeneratedStream {

    static final String TOP_HASHTAG = "vaccine";
    static final Duration INTERVAL = Duration.ofSeconds(1);
    static final Window WINDOW = new Window(Duration.ofSeconds(10), Duration.ofSeconds(2));
    static final Analysis.Trending HASHTAGS = new Analysis.Trending(Subject.HASHTAGS, WINDOW, 8);
    static final Analysis.Trending WORDS = new Analysis.Trending(Subject.WORDS, WINDOW, 8);
    static final Analysis.Sql LANGUAGES = new Analysis.Sql(
            "SELECT lang, count(*) AS tweets FROM tweets GROUP BY lang ORDER BY tweets DESC", Option.some(WINDOW));

    private static final String[] TAGS = {"vaccine", "masks", "lockdown", "health", "science", "schools", "travel",
        "nurses"};
    private static final int[] TAG_WEIGHTS = {30, 10, 9, 8, 6, 5, 4, 3};
    private static final String[] LANGS = {"en", "es", "pt", "fr", "de"};
    private static final String[] OPENINGS = {"just got my", "cannot believe the", "reading about the",
        "long queue at the", "our town's", "finally some good news on the", "thread: what we know about the"};
    private static final String[] SUBJECTS = {"booster", "clinic", "new variant", "school rules", "hospital staff",
        "vaccination centre", "travel rules"};
    private static final String[] ENDINGS = {"and feel fine", "😷", "🇧🇷 stay safe", "— thanks to everyone",
        "(more soon)", "today", "👏👏"};
    private static final String[] WORD_POOL = {"booster", "clinic", "variant", "hospital", "staff", "queue", "news",
        "rules", "school", "travel"};

    private final Random random = new Random(14);
    private final Instant start;
    private final java.util.ArrayDeque<Map<String, Long>> hashtagWindow = new java.util.ArrayDeque<>();
    private final java.util.ArrayDeque<Map<String, Long>> wordWindow = new java.util.ArrayDeque<>();
    private final Map<String, Long> totals = new HashMap<>();
    private final Set<String> authors = new HashSet<>();
    private final Map<String, Long> languages = new HashMap<>();
    private final Map<Analysis.Trending, Ranking> lastRankings = new HashMap<>();
    private int batches;

    GeneratedStream(Instant start) {
        this.start = start;
    }

    /** The next batch's outputs in the order the stream service hands them on: results first, then the figures. */
    Seq<StreamOutput> next() {
        batches++;
        Instant time = start.plus(INTERVAL.multipliedBy(batches));
        // A load that climbs and wobbles, and a slow patch around the 25th batch.
        long records = 600 + 20L * Math.min(batches, 20) + random.nextInt(150);
        long processing = 180 + random.nextInt(120) + (batches >= 24 && batches <= 27 ? 900 : 0);
        long delay = batches >= 25 && batches <= 29 ? 400 + random.nextInt(300) : random.nextInt(4);

        Map<String, Long> hashtags = new HashMap<>();
        Map<String, Long> words = new HashMap<>();
        java.util.List<String> sample = new ArrayList<>();
        for (long i = 0; i < records; i++) {
            String tag = draw();
            hashtags.merge(tag, 1L, Long::sum);
            totals.merge(tag, 1L, Long::sum);
            String word = WORD_POOL[random.nextInt(WORD_POOL.length)];
            words.merge(word, 1L, Long::sum);
            authors.add("user" + random.nextInt(5_000));
            languages.merge(LANGS[Math.min(LANGS.length - 1, (int) Math.abs(random.nextGaussian() * 1.2))], 1L,
                    Long::sum);
            if (sample.size() < Batch.PRINTED) {
                sample.add(OPENINGS[random.nextInt(OPENINGS.length)] + " " + SUBJECTS[random.nextInt(SUBJECTS.length)]
                        + " #" + tag + " " + ENDINGS[random.nextInt(ENDINGS.length)]);
            }
        }
        slide(hashtagWindow, hashtags);
        slide(wordWindow, words);

        java.util.List<StreamOutput> outputs = new ArrayList<>();
        outputs.add(new Batch(time, records, List.ofAll(sample)));
        if (WINDOW.endsAt(batches, INTERVAL)) {
            outputs.add(ranking(time, HASHTAGS, hashtagWindow));
            outputs.add(ranking(time, WORDS, wordWindow));
            outputs.add(new QueryRows(time, LANGUAGES, List.of("lang", "tweets"), List.ofAll(languages.entrySet())
                    .sortBy(e -> -e.getValue()).map(e -> List.of(e.getKey(), String.valueOf(e.getValue()))), false));
            languages.clear();
        }
        outputs.add(new Totals(time, top(totals, 8), totals.size(), authors.size()));
        outputs.add(new BatchFigures(time, records, Duration.ofMillis(processing), Duration.ofMillis(delay)));
        return List.ofAll(outputs);
    }

    private String draw() {
        int total = 0;
        for (int weight : TAG_WEIGHTS) {
            total += weight;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < TAGS.length; i++) {
            pick -= TAG_WEIGHTS[i];
            if (pick < 0) {
                return TAGS[i];
            }
        }
        throw new IllegalStateException();
    }

    private void slide(java.util.ArrayDeque<Map<String, Long>> window, Map<String, Long> batch) {
        window.addLast(batch);
        while (window.size() > WINDOW.batches(INTERVAL)) {
            window.removeFirst();
        }
    }

    private Ranking ranking(Instant time, Analysis.Trending trending, java.util.ArrayDeque<Map<String, Long>> window) {
        Map<String, Long> counts = new HashMap<>();
        window.forEach(batch -> batch.forEach((key, n) -> counts.merge(key, n, Long::sum)));
        Ranking ranking = new Ranking(time, trending, top(counts, trending.top()));
        Ranking previous = lastRankings.put(trending, ranking);
        return previous == null ? ranking : ranking.after(previous);  // as the stream service hands it on
    }

    private static Seq<Count> top(Map<String, Long> counts, int n) {
        return List.ofAll(counts.entrySet()).map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Count.RankOrder.INSTANCE).take(n);
    }
}
