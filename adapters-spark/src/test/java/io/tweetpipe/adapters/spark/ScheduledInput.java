package io.tweetpipe.adapters.spark;

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
 * An input whose k-th batch (counted from Spark's zero time) holds exactly the k-th chunks given, however late the
 * batch runs: a test's stream is the same on every run. Unlike {@code queueStream} it serializes, so the stream graph
 * can be checkpointed, as windows and state need.
 */
final class ScheduledInput extends InputDStream<byte[]> {

    private static final ClassTag<byte[]> BYTES = ClassTag$.MODULE$.apply(byte[].class);

    private final ArrayList<ArrayList<byte[]>> batches = new ArrayList<>();

    private ScheduledInput(StreamingContext context, Seq<Seq<byte[]>> batches) {
        super(context, BYTES);
        batches.forEach(batch -> this.batches.add(new ArrayList<>(batch.toJavaList())));
    }

    static StreamInput of(Seq<Seq<byte[]>> batches) {
        return (context, conf) -> new JavaDStream<>(new ScheduledInput(context.ssc(), batches), BYTES);
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public scala.Option<RDD<byte[]>> compute(Time validTime) {
        long batch = (validTime.milliseconds() - zeroTime().milliseconds()) / slideDuration().milliseconds();
        List<byte[]> chunks = batch >= 1 && batch <= batches.size() ? batches.get((int) batch - 1) : List.of();
        return scala.Option.apply(new JavaSparkContext(context().sparkContext()).parallelize(chunks, 2).rdd());
    }
}
