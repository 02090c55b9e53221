package io.tweetpipe.adapters.spark;

import io.tweetpipe.adapters.spark.PartitionDigest.CountedKey;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.Ranking;
import io.vavr.collection.List;
import java.time.Instant;
import java.util.Objects;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.VoidFunction2;
import org.apache.spark.streaming.Time;

/** A window's counts to its ranking: the top keys, in rank order, taken by one job; only they reach the driver. */
final class PublishRanking implements VoidFunction2<JavaPairRDD<CountedKey, Long>, Time> {

    private final Analysis.Trending trending;
    private final String sinkKey;

    PublishRanking(Analysis.Trending trending, String sinkKey) {
        this.trending = Objects.requireNonNull(trending, "trending");
        this.sinkKey = Objects.requireNonNull(sinkKey, "sinkKey");
    }

    @Override
    public void call(JavaPairRDD<CountedKey, Long> counts, Time time) {
        List<Count> top = List.ofAll(counts.map(pair -> new Count(pair._1().key(), pair._2()))
                .takeOrdered(trending.top(), Count.RankOrder.INSTANCE));
        Ranking ranking = new Ranking(Instant.ofEpochMilli(time.milliseconds()), trending, top);
        OrderedSink.registered(sinkKey).forEach(sink -> sink.result(ranking));
    }
}
