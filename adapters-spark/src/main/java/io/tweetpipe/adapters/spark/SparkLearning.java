package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.tweet.TweetRecord;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.streaming.api.java.JavaDStream;

/**
 * The learning analyses as DStream operations. Each model lives on the driver, in its output function (as MLlib's own
 * streaming algorithms keep theirs), and is checkpointed with the stream graph; each batch ships a copy of it to the
 * executors inside the functions that read it.
 */
final class SparkLearning {

    private SparkLearning() {
    }

    /** Streaming k-means, one summary per batch. */
    static void clusters(JavaDStream<TweetRecord> records, Analysis.Clusters clusters, String sinkKey) {
        double halfLifeBatches = clusters.halfLife().toMillis() / (double) records.dstream().slideDuration().milliseconds();
        records.foreachRDD(new StreamingClusters(clusters, halfLifeBatches, sinkKey));
    }

    /** The online classifier, judged test-then-train, one accuracy per batch. */
    static void classifier(JavaDStream<TweetRecord> records, Analysis.LanguageClassifier classifier, String sinkKey) {
        records.foreachRDD(new PrequentialClassifier(classifier, sinkKey));
    }

    /** What the offline model said of each batch. */
    static void predictions(JavaDStream<TweetRecord> records, Analysis.ModelPredictions model, String sinkKey) {
        records.foreachRDD(new PublishPredictions(model, sinkKey));
    }

    /**
     * The records with the offline model's prediction on each, when the job applies a model: loaded here, on the
     * driver, before the stream starts; a model that cannot be loaded stops the start with one line.
     */
    static JavaDStream<TweetRecord> withPredictions(JavaDStream<TweetRecord> records, StreamJob job) {
        if (job.model().isEmpty()) {
            return records;
        }
        SparkSession session = SparkSession.builder().config(records.context().sparkContext().getConf())
                .getOrCreate();
        PredictLanguage predict = SparkLanguageModels.load(session, job.model().get().modelDirectory())
                .getOrElseThrow(rejection -> new IllegalArgumentException(rejection.toString()));
        return records.map(predict);
    }
}
