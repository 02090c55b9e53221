package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Seq;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.StreamingContext;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.dstream.InputDStream;
import scala.reflect.ClassTag;
import scala.reflect.ClassTag$;

/**
 * Records, not frames, batch by batch as {@link ScheduledInput} schedules chunks: the k-th batch holds the k-th
 * records given, in two partitions. The learning analyses need each record's language, which only the structured wire
 * carries; until the stream's tests can frame tweets that way, their records are handed to the analyses directly.
 */
final class ScheduledRecords extends InputDStream<TweetRecord> {

    static final ClassTag<TweetRecord> RECORD = ClassTag$.MODULE$.apply(TweetRecord.class);

    private final ArrayList<ArrayList<TweetRecord>> batches = new ArrayList<>();

    private ScheduledRecords(StreamingContext context, Seq<Seq<TweetRecord>> batches) {
        super(context, RECORD);
        batches.forEach(batch -> this.batches.add(new ArrayList<>(batch.toJavaList())));
    }

    static JavaDStream<TweetRecord> of(StreamingContext context, Seq<Seq<TweetRecord>> batches) {
        return new JavaDStream<>(new ScheduledRecords(context, batches), RECORD);
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public scala.Option<RDD<TweetRecord>> compute(Time validTime) {
        long batch = (validTime.milliseconds() - zeroTime().milliseconds()) / slideDuration().milliseconds();
        List<TweetRecord> records = batch >= 1 && batch <= batches.size() ? batches.get((int) batch - 1) : List.of();
        return scala.Option.apply(new JavaSparkContext(context().sparkContext()).parallelize(records, 2).rdd());
    }
}
