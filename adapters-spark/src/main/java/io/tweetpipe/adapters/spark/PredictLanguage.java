package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.features.LanguageFeatures;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Seq;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.ml.classification.ClassificationModel;
import org.apache.spark.ml.feature.HashingTF;
import org.apache.spark.ml.linalg.Vector;
import org.apache.spark.ml.linalg.Vectors;

/**
 * A saved pipeline's prediction, record by record, without a DataFrame: the stream's records keep every field and gain
 * one. It does what the pipeline's stages do to one row (the domain's terms, {@link HashingTF}'s buckets and counts,
 * the classifier's {@code predict}, the label by its index), and a test holds it equal to the pipeline's own
 * {@code transform}.
 */
final class PredictLanguage implements Function<TweetRecord, TweetRecord> {

    private final HashingTF hashing;
    private final ClassificationModel<Vector, ?> classifier;
    private final Seq<String> labels;

    PredictLanguage(HashingTF hashing, ClassificationModel<Vector, ?> classifier, Seq<String> labels) {
        this.hashing = Objects.requireNonNull(hashing, "hashing");
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.labels = Objects.requireNonNull(labels, "labels");
    }

    @Override
    public TweetRecord call(TweetRecord record) {
        return record.withPredictedLang(predict(record.body()));
    }

    String predict(String body) {
        TreeMap<Integer, Double> counts = new TreeMap<>();
        for (String term : LanguageFeatures.terms(body)) {
            counts.merge(hashing.indexOf(term), 1.0, hashing.getBinary() ? (a, b) -> 1.0 : Double::sum);
        }
        int[] indices = counts.keySet().stream().mapToInt(Integer::intValue).toArray();
        double[] values = counts.values().stream().mapToDouble(Double::doubleValue).toArray();
        return labels.get((int) classifier.predict(Vectors.sparse(hashing.getNumFeatures(), indices, values)));
    }
}
