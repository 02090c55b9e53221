package io.tweetpipe.domain.analysis;

import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Array;
import io.vavr.collection.HashSet;
import io.vavr.collection.Seq;
import io.vavr.collection.Set;
import io.vavr.control.Option;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * What the stream job computes, said as data: an engine (Spark, or memory) decides how. Each is serializable, so it
 * can be checkpointed with Spark's stream graph and shipped to executors.
 */
public sealed interface Analysis extends Serializable {

    /** A short name for tables, logs and file names: {@code sample}, {@code trends-hashtags}, ... */
    String name();

    /** The first records of every batch and how many there were: {@code DStream.print()}. Result: a Batch. */
    record Sample(int records) implements Analysis {
        public Sample {
            if (records < 0) {
                throw new IllegalArgumentException("records " + records);
            }
        }

        @Override
        public String name() {
            return "sample";
        }
    }

    /**
     * The most frequent keys of a subject over a sliding window, ranked by count, ties by key. Result: a Ranking at
     * every window end.
     *
     * @param excluded keys never counted: the tracked keywords, which would top every ranking
     */
    record Trending(Subject subject, Window window, int top, Set<String> excluded) implements Analysis {
        public Trending {
            Objects.requireNonNull(subject, "subject");
            Objects.requireNonNull(window, "window");
            Objects.requireNonNull(excluded, "excluded");
            if (top < 1) {
                throw new IllegalArgumentException("top " + top);
            }
        }

        public Trending(Subject subject, Window window, int top) {
            this(subject, window, top, HashSet.empty());
        }

        /** The keys one tweet counts once each time they appear, lower-cased. */
        public Seq<String> keys(TweetRecord tweet) {
            java.util.List<String> keys = new java.util.ArrayList<>();
            keyRule().keys(tweet, (text, from, to) -> keys.add(text.substring(from, to)));
            return Array.ofAll(keys);
        }

        /** The same keys, each put where it stands: what an engine counting many tweets calls. */
        public KeyRule keyRule() {
            return new Excluding(subject, WordSet.of(excluded));
        }

        /** A subject's keys but the excluded ones. */
        private record Excluding(Subject subject, WordSet excluded) implements KeyRule {
            @Override
            public void keys(TweetRecord tweet, KeySink sink) {
                subject.keys(tweet, excluded.isEmpty() ? sink : excluded.without(sink));
            }

            @Override
            public KeyTally tally() {
                return new KeyTally(subject::found, subject::leftOut, excluded);
            }
        }

        @Override
        public String name() {
            return "trends-" + subject.name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * Every hashtag counted since the start, the top ones reported each batch, with the number of distinct hashtags
     * and authors. A key not seen for {@code idleTimeout} is forgotten at the next sweep; sweeps come every
     * {@code sweep} (Spark sweeps its state when it checkpoints it), so distinct counts are exact over the keys seen
     * within the timeout, never estimates. Result: Totals every batch.
     */
    record RunningTotals(Duration idleTimeout, Duration sweep, int top) implements Analysis {
        public RunningTotals {
            Objects.requireNonNull(idleTimeout, "idleTimeout");
            Objects.requireNonNull(sweep, "sweep");
            if (idleTimeout.isNegative() || idleTimeout.isZero() || sweep.isNegative() || sweep.isZero() || top < 1) {
                throw new IllegalArgumentException("totals " + idleTimeout + ", " + sweep + ", top " + top);
            }
        }

        @Override
        public String name() {
            return "totals";
        }
    }

    /**
     * A Spark SQL query over the view {@code tweets} of each batch, or of each window when one is given (see
     * {@link TweetColumns}). Result: QueryRows every batch or window end.
     */
    record Sql(String query, Option<Window> window) implements Analysis {
        public Sql {
            Objects.requireNonNull(query, "query");
            Objects.requireNonNull(window, "window");
            if (query.isBlank()) {
                throw new IllegalArgumentException("an empty query");
            }
        }

        @Override
        public String name() {
            return "sql";
        }
    }

    /**
     * Streaming k-means (MLlib's) over each tweet's topic terms, hashed and weighted: the centres move with every batch,
     * older batches weighing half as much every {@code halfLife}. Tweets with no terms join no cluster. Result: a
     * ClusterSummary every batch, each cluster under the number it had before (matched by centre), with its size and
     * the words of its heaviest buckets.
     *
     * @param k how many clusters
     * @param halfLife how long until a batch's tweets weigh half as much in the centres as the newest batch's
     * @param topTerms how many words name each cluster
     * @param dimension the buckets terms are hashed into
     * @param seed for the first centres, chosen by k-means over the first batch with terms
     */
    record Clusters(int k, Duration halfLife, int topTerms, int dimension, long seed) implements Analysis {
        /** Buckets of the topic words; each tweet becomes a dense vector of this size for a moment (see the adapter). */
        public static final int DIMENSION = 1 << 12;
        public static final int TOP_TERMS = 5;
        public static final long SEED = 13;

        public Clusters {
            Objects.requireNonNull(halfLife, "halfLife");
            if (k < 2 || halfLife.isNegative() || halfLife.isZero() || topTerms < 1 || dimension < 1) {
                throw new IllegalArgumentException("clusters " + k + ", half-life " + halfLife + ", top "
                        + topTerms + ", dimension " + dimension);
            }
        }

        public Clusters(int k, Duration halfLife) {
            this(k, halfLife, TOP_TERMS, DIMENSION, SEED);
        }

        @Override
        public String name() {
            return "clusters";
        }
    }

    /**
     * An online language classifier, multinomial naive Bayes over character n-grams, evaluated test-then-train: each
     * batch's labelled records (those whose language the wire carries) are predicted by the model of the batches
     * before, judged, then learnt from. Result: a ClassifierAccuracy every batch, the batch's and the cumulative.
     *
     * @param dimension the buckets n-grams are hashed into
     */
    record LanguageClassifier(int dimension) implements Analysis {
        public static final int DIMENSION = 1 << 14;

        public LanguageClassifier {
            if (dimension < 1) {
                throw new IllegalArgumentException("dimension " + dimension);
            }
        }

        public LanguageClassifier() {
            this(DIMENSION);
        }

        @Override
        public String name() {
            return "classifier";
        }
    }

    /**
     * A language model trained offline ({@code tweetpipe train}) applied to every record before any other analysis
     * reads it: each record carries its predicted language ({@link TweetRecord#predictedLang()}), for SQL (the column
     * {@code predicted_lang}), the stores and the other analyses. Result: a PredictedLanguages every batch, how many
     * records were given each language and, where the wire carries a language, how often the model agreed.
     *
     * @param modelDirectory where the model was saved
     */
    record ModelPredictions(String modelDirectory) implements Analysis {
        public ModelPredictions {
            Objects.requireNonNull(modelDirectory, "modelDirectory");
            if (modelDirectory.isBlank()) {
                throw new IllegalArgumentException("a model directory");
            }
        }

        @Override
        public String name() {
            return "predictions";
        }
    }
}
