package io.tweetpipe.application.memory;

import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.batch.ClassifierAccuracy;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.batch.Totals;
import io.tweetpipe.domain.features.LanguageFeatures;
import io.tweetpipe.domain.features.TermHashing;
import io.tweetpipe.domain.learning.Prequential;
import io.tweetpipe.domain.tweet.SampledTweet;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The analyses' semantics in plain Java, batch by batch, for the in-memory engine: the reference the Spark engine's
 * results are compared against. Batches are counted from 1, as Spark counts them from its zero time, so windows end
 * and sweeps run at the same batches in both.
 */
final class InMemoryAnalyses {

    private final StreamJob job;
    private final Duration batchInterval;
    private final java.util.List<Evaluator> evaluators = new ArrayList<>();
    private final Seq<RecordStore> stores;
    private long batch;

    private InMemoryAnalyses(StreamJob job, Duration batchInterval, Seq<RecordStore> stores) {
        this.job = job;
        this.batchInterval = batchInterval;
        this.stores = stores;
    }

    /**
     * Left for an analysis memory cannot run: SQL needs Spark's SQL engine, clusters MLlib's streaming k-means, a
     * saved model Spark ML.
     */
    static Either<Rejection, InMemoryAnalyses> of(StreamJob job, Duration batchInterval, Seq<RecordStore> stores) {
        InMemoryAnalyses analyses = new InMemoryAnalyses(job, batchInterval, stores);
        for (Analysis analysis : job.analyses()) {
            if (analysis instanceof Analysis.Sample sample) {
                analyses.evaluators.add(analyses.new Sampling(sample));
            } else if (analysis instanceof Analysis.Trending trending) {
                analyses.evaluators.add(analyses.new Trends(trending));
            } else if (analysis instanceof Analysis.RunningTotals totals) {
                analyses.evaluators.add(analyses.new Totalling(totals));
            } else if (analysis instanceof Analysis.LanguageClassifier classifier) {
                analyses.evaluators.add(analyses.new Classifying(classifier));
            } else {
                return Either.left(Rejection.of("engine", "the in-memory engine runs no " + analysis.name()));
            }
        }
        return Either.right(analyses);
    }

    /** The next batch's results, in the job's order. */
    Seq<StreamOutput> batch(Instant time, Seq<byte[]> chunks) {
        batch++;
        Seq<SampledTweet> bodies = chunks.flatMap(job.decoding()::sample);
        Seq<TweetRecord> records = job.needsRecords() || stores.nonEmpty() ? chunks.flatMap(job::records)
                : List.empty();
        java.util.List<StreamOutput> outputs = new ArrayList<>();
        for (Evaluator evaluator : evaluators) {
            evaluator.batch(time, bodies, records, outputs);
        }
        for (RecordStore store : stores) {
            store.store(time, 0, records.iterator());
            store.commit(time);
        }
        return List.ofAll(outputs);
    }

    private interface Evaluator {
        void batch(Instant time, Seq<SampledTweet> bodies, Seq<TweetRecord> records, java.util.List<StreamOutput> out);
    }

    private final class Sampling implements Evaluator {
        private final Analysis.Sample sample;

        Sampling(Analysis.Sample sample) {
            this.sample = sample;
        }

        @Override
        public void batch(Instant time, Seq<SampledTweet> bodies, Seq<TweetRecord> records, java.util.List<StreamOutput> out) {
            out.add(BatchTally.empty(sample.records()).addAll(bodies.iterator()).toBatch(time));
        }
    }

    /** Each batch's counts kept for as many batches as the window holds; at a window's end, summed and ranked. */
    private final class Trends implements Evaluator {
        private final Analysis.Trending trending;
        private final Deque<Map<String, Long>> window = new ArrayDeque<>();

        Trends(Analysis.Trending trending) {
            this.trending = trending;
        }

        @Override
        public void batch(Instant time, Seq<SampledTweet> bodies, Seq<TweetRecord> records, java.util.List<StreamOutput> out) {
            Map<String, Long> counts = new HashMap<>();
            records.flatMap(trending::keys).forEach(key -> counts.merge(key, 1L, Long::sum));
            window.addLast(counts);
            if (window.size() > trending.window().batches(batchInterval)) {
                window.removeFirst();
            }
            if (trending.window().endsAt(batch, batchInterval)) {
                Map<String, Long> sum = new HashMap<>();
                window.forEach(one -> one.forEach((key, n) -> sum.merge(key, n, Long::sum)));
                out.add(new Ranking(time, trending, top(sum, trending.top())));
            }
        }
    }

    /**
     * Every key's count and the batch it was last seen in; at a sweep, keys last seen more than the idle timeout
     * before the batch are forgotten, after the batch's own counts are added (as Spark's state does).
     */
    private final class Totalling implements Evaluator {
        private final Analysis.RunningTotals totals;
        private final Map<String, Long> hashtags = new HashMap<>();
        private final Map<String, Long> authors = new HashMap<>();
        private final Map<String, Instant> lastSeen = new HashMap<>();

        Totalling(Analysis.RunningTotals totals) {
            this.totals = totals;
        }

        @Override
        public void batch(Instant time, Seq<SampledTweet> bodies, Seq<TweetRecord> records, java.util.List<StreamOutput> out) {
            for (TweetRecord tweet : records) {
                for (String hashtag : tweet.entities().hashtags()) {
                    String key = hashtag.toLowerCase(Locale.ROOT);
                    hashtags.merge(key, 1L, Long::sum);
                    lastSeen.put("#" + key, time);
                }
                for (String author : tweet.author()) {
                    String key = author.toLowerCase(Locale.ROOT);
                    authors.merge(key, 1L, Long::sum);
                    lastSeen.put("@" + key, time);
                }
            }
            if (batch * batchInterval.toMillis() % totals.sweep().toMillis() == 0) {
                Instant threshold = time.minus(totals.idleTimeout());
                hashtags.keySet().removeIf(key -> lastSeen.get("#" + key).isBefore(threshold));
                authors.keySet().removeIf(key -> lastSeen.get("@" + key).isBefore(threshold));
                lastSeen.values().removeIf(seen -> seen.isBefore(threshold));
            }
            out.add(new Totals(time, top(hashtags, totals.top()), hashtags.size(), authors.size()));
        }
    }

    /** Each batch judged by the counts of the batches before it, then counted, in one pass over its records. */
    private final class Classifying implements Evaluator {
        private final Analysis.LanguageClassifier classifier;
        private final TermHashing hashing;
        private Prequential sinceStart;

        Classifying(Analysis.LanguageClassifier classifier) {
            this.classifier = classifier;
            this.hashing = new TermHashing(classifier.dimension());
            this.sinceStart = Prequential.none(classifier.dimension());
        }

        @Override
        public void batch(Instant time, Seq<SampledTweet> bodies, Seq<TweetRecord> records, java.util.List<StreamOutput> out) {
            Prequential batch = Prequential.of(sinceStart.learnt().model(), records.iterator(),
                    record -> LanguageFeatures.vector(hashing, record.body()), classifier.dimension());
            sinceStart = sinceStart.merge(batch);
            out.add(ClassifierAccuracy.of(time, classifier, batch, sinceStart));
        }
    }

    private static Seq<Count> top(Map<String, Long> counts, int n) {
        return List.ofAll(counts.entrySet()).map(entry -> new Count(entry.getKey(), entry.getValue()))
                .sorted(Count.RankOrder.INSTANCE).take(n);
    }
}
