package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.batch.ClassifierAccuracy;
import io.tweetpipe.domain.features.LanguageFeatures;
import io.tweetpipe.domain.features.TermHashing;
import io.tweetpipe.domain.learning.NaiveBayesModel;
import io.tweetpipe.domain.learning.Prequential;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Vector;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;

/**
 * The online language classifier, test-then-train: the model of every batch before this one (naive Bayes counts, on
 * the driver) goes to the executors, which predict each labelled tweet, judge the prediction and count the tweet for
 * the next model, all in one job; the driver adds the batch's counts to the model and reports the accuracy.
 *
 * <p>Naive Bayes rather than MLlib's {@code StreamingLogisticRegressionWithSGD} one-vs-rest: its counts add, so each
 * batch costs one job and the model equals naive Bayes trained on everything seen (no step size, no iterations, no
 * order effects); one-vs-rest SGD would run an iterative job per language per batch, need its languages fixed before
 * the first tweet and a step size tuned to the features, and converge only over many batches.
 */
final class PrequentialClassifier implements VoidFunction2<JavaRDD<TweetRecord>, Time> {

    private final Analysis.LanguageClassifier classifier;
    private final String sinkKey;
    private volatile Prequential sinceStart;

    PrequentialClassifier(Analysis.LanguageClassifier classifier, String sinkKey) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.sinkKey = Objects.requireNonNull(sinkKey, "sinkKey");
        this.sinceStart = Prequential.none(classifier.dimension());
    }

    @Override
    public void call(JavaRDD<TweetRecord> records, Time time) {
        Prequential before = sinceStart;
        NaiveBayesModel model = before.learnt().model();
        Prequential batch = Vector.ofAll(records.mapPartitions(new JudgeThenCount(classifier, model)).collect())
                .foldLeft(Prequential.none(classifier.dimension()), Prequential::merge);
        Prequential after = before.merge(batch);
        sinceStart = after;
        ClassifierAccuracy accuracy = ClassifierAccuracy.of(Instant.ofEpochMilli(time.milliseconds()), classifier,
                batch, after);
        OrderedSink.registered(sinkKey).forEach(sink -> sink.result(accuracy));
    }

    /** One partition judged by the model before the batch, and counted for the next. */
    static final class JudgeThenCount implements FlatMapFunction<Iterator<TweetRecord>, Prequential> {
        private final Analysis.LanguageClassifier classifier;
        private final NaiveBayesModel model;

        JudgeThenCount(Analysis.LanguageClassifier classifier, NaiveBayesModel model) {
            this.classifier = classifier;
            this.model = model;
        }

        @Override
        public Iterator<Prequential> call(Iterator<TweetRecord> records) {
            TermHashing hashing = new TermHashing(classifier.dimension());
            return List.of(Prequential.of(model, records, record -> LanguageFeatures.vector(hashing, record.body()),
                    classifier.dimension())).iterator();
        }
    }
}
