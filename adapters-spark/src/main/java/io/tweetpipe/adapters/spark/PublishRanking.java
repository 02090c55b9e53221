package io.tweetpipe.adapters.spark;

import io.tweetpipe.adapters.spark.PartitionDigest.CountedKey;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.Ranking;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;
import scala.Tuple2;

/**
 * A window's counts to the rankings of the trends that share it, in the trends' order: one job takes each trend's top
 * keys in every partition, and only they reach the driver, where they are merged.
 *
 * @param trends   the trends counted in this window, in the job's order
 * @param firstTag the tag of the first trend's counts; the others' follow it (see {@link CountedKey})
 */
record PublishRanking(Seq<Analysis.Trending> trends, int firstTag, String sinkKey)
        implements VoidFunction2<JavaPairRDD<CountedKey, Long>, Time> {

    PublishRanking {
        Objects.requireNonNull(trends, "trends");
        Objects.requireNonNull(sinkKey, "sinkKey");
    }

    @Override
    public void call(JavaPairRDD<CountedKey, Long> counts, Time time) {
        Seq<Integer> tops = trends.map(Analysis.Trending::top);
        int first = firstTag;
        java.util.List<Seq<Seq<Count>>> partitions = counts.mapPartitions(
                partition -> java.util.List.of(tops(partition, first, tops)).iterator()).collect();
        Instant at = Instant.ofEpochMilli(time.milliseconds());
        for (int i = 0; i < trends.size(); i++) {
            int trend = i;
            Seq<Count> top = TopCounts.merged(List.ofAll(partitions).map(partition -> partition.get(trend)),
                    tops.get(trend));
            Ranking ranking = new Ranking(at, trends.get(trend), top);
            OrderedSink.registered(sinkKey).forEach(sink -> sink.result(ranking));
        }
    }

    /** Each trend's top keys in one partition, in rank order. */
    private static Seq<Seq<Count>> tops(Iterator<Tuple2<CountedKey, Long>> counts, int firstTag, Seq<Integer> tops) {
        java.util.List<TopCounts> best = new ArrayList<>();
        tops.forEach(limit -> best.add(new TopCounts(limit)));
        while (counts.hasNext()) {
            Tuple2<CountedKey, Long> count = counts.next();
            best.get(count._1().analysis() - firstTag).offer(new Count(count._1().key(), count._2()));
        }
        return List.ofAll(best).map(TopCounts::ranked);
    }
}
