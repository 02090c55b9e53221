package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.Totals;
import io.vavr.collection.List;
import java.time.Instant;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;
import scala.Tuple2;

/** The running counts' snapshot at a batch to its totals: the top hashtags and the distinct counts, in one job. */
final class PublishTotals implements VoidFunction2<JavaPairRDD<String, Long>, Time> {

    private final Analysis.RunningTotals totals;
    private final String sinkKey;

    PublishTotals(Analysis.RunningTotals totals, String sinkKey) {
        this.totals = Objects.requireNonNull(totals, "totals");
        this.sinkKey = Objects.requireNonNull(sinkKey, "sinkKey");
    }

    @Override
    public void call(JavaPairRDD<String, Long> snapshot, Time time) {
        JavaPairRDD<String, Long> hashtags = snapshot.filter(key -> key._1().startsWith(TotalsKeys.HASHTAG));
        List<Count> top = List.ofAll(hashtags.map(pair -> new Count(pair._1().substring(1), pair._2()))
                .takeOrdered(totals.top(), Count.RankOrder.INSTANCE));
        Tuple2<Long, Long> distinct = snapshot.aggregate(new Tuple2<>(0L, 0L),
                (sums, key) -> key._1().startsWith(TotalsKeys.HASHTAG) ? new Tuple2<>(sums._1() + 1, sums._2())
                        : new Tuple2<>(sums._1(), sums._2() + 1),
                (a, b) -> new Tuple2<>(a._1() + b._1(), a._2() + b._2()));
        Totals result = new Totals(Instant.ofEpochMilli(time.milliseconds()), top, distinct._1(), distinct._2());
        OrderedSink.registered(sinkKey).forEach(sink -> sink.result(result));
    }
}
