package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.batch.PredictedLanguages;
import io.tweetpipe.domain.learning.Accuracy;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.Tuple;
import io.vavr.Tuple2;
import io.vavr.collection.HashMap;
import io.vavr.collection.Map;
import io.vavr.collection.Vector;
import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;

/** A batch's predicted languages counted, and their agreement with the wire's languages, in one job. */
final class PublishPredictions implements VoidFunction2<JavaRDD<TweetRecord>, Time> {

    private final Analysis.ModelPredictions model;
    private final String sinkKey;

    PublishPredictions(Analysis.ModelPredictions model, String sinkKey) {
        this.model = Objects.requireNonNull(model, "model");
        this.sinkKey = Objects.requireNonNull(sinkKey, "sinkKey");
    }

    @Override
    public void call(JavaRDD<TweetRecord> records, Time time) {
        Tuple2<Map<String, Long>, Accuracy> counted = Vector.ofAll(records.mapPartitions(new CountPredictions())
                .collect()).foldLeft(Tuple.of(HashMap.empty(), Accuracy.NONE), (a, b) -> Tuple.of(
                        a._1().merge(b._1(), Long::sum), a._2().plus(b._2())));
        PredictedLanguages result = new PredictedLanguages(Instant.ofEpochMilli(time.milliseconds()), model,
                counted._1(), counted._2());
        OrderedSink.registered(sinkKey).forEach(sink -> sink.result(result));
    }

    /** One partition's predictions by language, and how many agree with a language the wire gave. */
    static final class CountPredictions
            implements FlatMapFunction<Iterator<TweetRecord>, Tuple2<Map<String, Long>, Accuracy>> {
        @Override
        public Iterator<Tuple2<Map<String, Long>, Accuracy>> call(Iterator<TweetRecord> records) {
            java.util.Map<String, Long> counts = new java.util.HashMap<>();
            Accuracy agreement = Accuracy.NONE;
            while (records.hasNext()) {
                TweetRecord record = records.next();
                for (String predicted : record.predictedLang()) {
                    counts.merge(predicted, 1L, Long::sum);
                    for (String lang : record.lang()) {
                        agreement = agreement.plus(lang.equals(predicted));
                    }
                }
            }
            return List.of(Tuple.<Map<String, Long>, Accuracy>of(HashMap.ofAll(counts), agreement)).iterator();
        }
    }
}
