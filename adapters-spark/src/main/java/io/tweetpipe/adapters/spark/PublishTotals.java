package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.Totals;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.io.Serializable;
import java.time.Instant;
import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;
import scala.Tuple2;

/**
 * The running counts' snapshot at a batch to its totals: the top hashtags and the distinct counts, in one job that
 * brings each partition's top and counts to the driver, where they are merged.
 */
final class PublishTotals implements VoidFunction2<JavaPairRDD<String, Long>, Time> {

    private final Analysis.RunningTotals totals;
    private final String sinkKey;

    PublishTotals(Analysis.RunningTotals totals, String sinkKey) {
        this.totals = Objects.requireNonNull(totals, "totals");
        this.sinkKey = Objects.requireNonNull(sinkKey, "sinkKey");
    }

    @Override
    public void call(JavaPairRDD<String, Long> snapshot, Time time) {
        int top = totals.top();
        List<Summary> parts = List.ofAll(snapshot.mapPartitions(keys -> List.of(Summary.of(keys, top)).iterator())
                .collect());
        Totals result = new Totals(Instant.ofEpochMilli(time.milliseconds()),
                TopCounts.merged(parts.map(Summary::top), top),
                parts.map(Summary::hashtags).sum().longValue(), parts.map(Summary::authors).sum().longValue());
        OrderedSink.registered(sinkKey).forEach(sink -> sink.result(result));
    }

    /** One partition's top hashtags and its distinct hashtags and authors. */
    record Summary(Seq<Count> top, long hashtags, long authors) implements Serializable {

        static Summary of(Iterator<Tuple2<String, Long>> keys, int top) {
            TopCounts best = new TopCounts(top);
            long hashtags = 0;
            long authors = 0;
            while (keys.hasNext()) {
                Tuple2<String, Long> key = keys.next();
                if (key._1().startsWith(TotalsKeys.HASHTAG)) {
                    hashtags++;
                    best.offer(new Count(key._1().substring(TotalsKeys.HASHTAG.length()), key._2()));
                } else {
                    authors++;
                }
            }
            return new Summary(best.ranked(), hashtags, authors);
        }
    }
}
