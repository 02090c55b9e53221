package io.tweetpipe.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.ClassifierAccuracy;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
import io.tweetpipe.domain.features.LanguageFeatures;
import io.tweetpipe.domain.features.TermHashing;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.learning.Prequential;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.collection.HashSet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Duration;
import java.time.Instant;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * What every engine computes for the analyses, window by window: run against memory (the reference) and Spark. The
 * input is {@link TimedTweets}: batches whose hashtag and word counts are known in advance, with ties, hostile text,
 * extended tweets whose hashtag is only in the full text, and several languages. Each engine's results are compared
 * with counts summed independently from what the generator put in each batch.
 */
public abstract class StreamAnalysesContract {

    protected static final Duration BATCH = Duration.ofMillis(200);
    private static final Window WINDOW = new Window(Duration.ofMillis(600), Duration.ofMillis(400));
    private static final Analysis.Trending HASHTAGS =
            new Analysis.Trending(Subject.HASHTAGS, WINDOW, 4, HashSet.empty());
    private static final Analysis.Trending WORDS =
            new Analysis.Trending(Subject.WORDS, WINDOW, 5, HashSet.of("covid"));
    private static final Analysis.RunningTotals TOTALS =
            new Analysis.RunningTotals(Duration.ofMillis(600), Duration.ofMillis(800), 3);
    /** Batches hold 7 to 9 tweets, the structured ones after the text ones: a sample of 8 shows both, and cuts some. */
    private static final int SAMPLED = 8;
    private static final StreamJob JOB = new StreamJob(Preprocessing.standard(),
            List.of(new Analysis.Sample(SAMPLED), HASHTAGS, WORDS, TOTALS));

    /** An engine whose k-th batch holds exactly the k-th chunks given, batches {@link #BATCH} apart. */
    protected abstract StreamEngine engine(Duration batchInterval, Seq<Seq<byte[]>> batches) throws Exception;

    /** Every output of the first {@code batches.size()} batches, each timed by its batch number (1, 2, ...). */
    private Seq<StreamOutput> run(StreamJob job, TimedTweets tweets) throws Exception {
        return run(job, tweets.chunks());
    }

    private Seq<StreamOutput> run(StreamJob job, Seq<Seq<byte[]>> chunks) throws Exception {
        CapturingBatchSink sink = new CapturingBatchSink();
        int n = chunks.size();
        RunningStream running = engine(BATCH, chunks).start(job, sink)
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while (sink.figures().size() < n && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            running.stop();
        }
        assertFalse(sink.figures().size() < n, "every batch ran");
        Instant first = sink.figures().head().time();
        return sink.outputs().filter(output -> !(output instanceof BatchFigures))
                .map(output -> retimed(output, 1 + Duration.between(first, output.time()).toMillis() / BATCH.toMillis()))
                .filter(output -> output.time().toEpochMilli() <= n);
    }

    private static StreamOutput retimed(StreamOutput output, long batch) {
        Instant time = Instant.ofEpochMilli(batch);
        if (output instanceof Batch b) {
            return new Batch(time, b.count(), b.head(), b.languages());
        } else if (output instanceof Ranking r) {
            return new Ranking(time, r.trending(), r.top(), r.before());
        } else if (output instanceof Totals t) {
            return new Totals(time, t.top(), t.distinctHashtags(), t.distinctAuthors());
        } else if (output instanceof ClassifierAccuracy a) {
            return new ClassifierAccuracy(time, a.classifier(), a.batch(), a.cumulative(), a.unjudged(),
                    a.unlabelled(), a.languages());
        }
        throw new AssertionError("unexpected output " + output);
    }

    @Test
    void givenTimedTweets_run_ranksEveryWindowAsCountedInAdvance() throws Exception {
        TimedTweets tweets = TimedTweets.generate();

        Seq<StreamOutput> outputs = run(JOB, tweets);

        Seq<Ranking> rankings = outputs.filter(Ranking.class::isInstance).map(Ranking.class::cast);
        Seq<Long> ends = List.rangeClosed(1, tweets.batches().size()).map(Integer::longValue)
                .filter(batch -> WINDOW.endsAt(batch, BATCH));
        assertEquals(ends.map(end -> expected(tweets, HASHTAGS, end)),
                rankings.filter(r -> r.trending().equals(HASHTAGS)).map(StreamAnalysesContract::asText));
        assertEquals(ends.map(end -> expected(tweets, WORDS, end)),
                rankings.filter(r -> r.trending().equals(WORDS)).map(StreamAnalysesContract::asText));
    }

    @Test
    void givenTimedTweets_run_keepsRunningTotalsAndForgetsIdleKeysAtSweeps() throws Exception {
        TimedTweets tweets = TimedTweets.generate();

        Seq<Totals> totals = run(JOB, tweets).filter(Totals.class::isInstance).map(Totals.class::cast);

        assertEquals(tweets.batches().size(), totals.size(), "one report per batch");
        for (Totals report : totals) {
            int batch = (int) report.time().toEpochMilli();
            TreeMap<String, Long> expected = tweets.hashtagsSinceStart(batch, BATCH, TOTALS);
            assertEquals(expected.size(), report.distinctHashtags(), "distinct hashtags at batch " + batch);
            assertEquals(tweets.authorsSinceStart(batch, BATCH, TOTALS), report.distinctAuthors(),
                    "distinct authors at batch " + batch);
            assertEquals(List.ofAll(expected.entrySet()).map(e -> new Count(e.getKey(), e.getValue()))
                    .sorted(Count.RankOrder.INSTANCE).take(TOTALS.top()), report.top(), "top at batch " + batch);
        }
    }

    @Test
    void givenTimedTweets_run_samplesEveryBatch() throws Exception {
        TimedTweets tweets = TimedTweets.generate();

        Seq<Batch> samples = run(JOB, tweets).filter(Batch.class::isInstance).map(Batch.class::cast);

        assertEquals(tweets.batches().map(batch -> (long) batch.size()), samples.map(Batch::count));
        assertEquals(tweets.batches().map(batch -> batch.take(SAMPLED).map(TimedTweets.Tweet::expectedBody)),
                samples.map(Batch::head));
        assertEquals(tweets.batches().map(batch -> batch.take(SAMPLED).map(tweet -> tweet.structured()
                        .map(status -> status.language().code()))), samples.map(Batch::languages),
                "the language where the structured wire carries one, none on the text wire");
    }

    /** The same results from this engine as from memory, output for output. */
    @Test
    void givenTimedTweets_run_matchesTheInMemoryReferenceOutputForOutput() throws Exception {
        TimedTweets tweets = TimedTweets.generate();
        StreamEngine reference = io.tweetpipe.application.memory.InMemoryStreamEngine.scheduled(BATCH,
                tweets.chunks());
        CapturingBatchSink referenceSink = new CapturingBatchSink();
        RunningStream running = reference.start(JOB, referenceSink).get();
        running.awaitTermination();
        Seq<StreamOutput> expected = referenceSink.outputs().filter(output -> !(output instanceof BatchFigures))
                .map(output -> retimed(output, 1 + Duration.between(referenceSink.figures().head().time(),
                        output.time()).toMillis() / BATCH.toMillis()));

        assertEquals(expected, run(JOB, tweets));
    }

    /**
     * The online classifier, test-then-train: every engine judges each batch by the counts of the batches before it,
     * as the domain's {@link Prequential} does batch after batch, however it spreads a batch over partitions. Four
     * batches of tweets in three languages on the structured wire, and one on the text wire, which carries no language.
     */
    @Test
    void givenLabelledTweets_run_judgesEachBatchByTheBatchesBeforeIt() throws Exception {
        Seq<String> english = List.of("the clinic opens late tonight", "just got my booster and feel fine",
                "the train was half empty today", "stay home if you feel sick");
        Seq<String> spanish = List.of("el metro iba lleno otra vez", "gracias a todo el personal sanitario",
                "bajan los casos en la ciudad", "hoy hace un día precioso");
        Seq<String> german = List.of("der zug war fast leer", "die apotheke hat heute länger offen",
                "danke an das pflegepersonal", "die neuen zahlen sind da");
        Seq<Seq<byte[]>> batches = List.range(0, 4).map(k -> List.of(
                frame(Tweets.tweet(10L * k + 1, english.get(k), "en")),
                frame(Tweets.tweet(10L * k + 2, spanish.get(k), "es")),
                frame(Tweets.tweet(10L * k + 3, german.get(k), "de")),
                Frame.of("no language on the text wire").get().bytes()));
        Analysis.LanguageClassifier classifier = new Analysis.LanguageClassifier(1 << 12);
        StreamJob job = new StreamJob(Preprocessing.standard(), List.of(classifier));

        Seq<ClassifierAccuracy> reported = run(job, batches).filter(ClassifierAccuracy.class::isInstance)
                .map(ClassifierAccuracy.class::cast);

        TermHashing hashing = new TermHashing(classifier.dimension());
        Prequential sinceStart = Prequential.none(classifier.dimension());
        List<ClassifierAccuracy> expected = List.empty();
        for (int k = 0; k < batches.size(); k++) {
            Prequential batch = Prequential.of(sinceStart.learnt().model(), batches.get(k).flatMap(job::records)
                    .iterator(), record -> LanguageFeatures.vector(hashing, record.body()), classifier.dimension());
            sinceStart = sinceStart.merge(batch);
            expected = expected.append(ClassifierAccuracy.of(Instant.ofEpochMilli(k + 1), classifier, batch,
                    sinceStart));
        }
        assertEquals(expected, reported);
        assertEquals(List.of(0L, 3L, 3L, 3L), reported.map(report -> report.batch().judged()));
        assertEquals(List.of(1L, 1L, 1L, 1L), reported.map(ClassifierAccuracy::unlabelled));
        assertEquals(3, reported.head().unjudged(), "the first batch, with no model to judge it");
    }

    private static byte[] frame(io.tweetpipe.domain.tweet.Tweet tweet) {
        return Frame.of(tweet, Wire.STRUCTURED).get().bytes();
    }

    private static String asText(Ranking ranking) {
        return ranking.top().map(c -> c.key() + "=" + c.count()).mkString(", ");
    }

    private static String expected(TimedTweets tweets, Analysis.Trending trending, long end) {
        return tweets.countsInWindow(trending.subject(), end, WINDOW.batches(BATCH)).entrySet().stream()
                .filter(e -> !trending.excluded().contains(e.getKey()))
                .map(e -> new Count(e.getKey(), e.getValue()))
                .sorted(Count.RankOrder.INSTANCE).limit(trending.top())
                .map(c -> c.key() + "=" + c.count()).reduce((a, b) -> a + ", " + b).orElse("");
    }
}
