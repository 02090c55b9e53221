package io.tweetpipe.adapters.spark.broken;

import io.tweetpipe.application.port.out.BatchSink;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.FlatMapFunction;

/** Deliberately wrong, for {@code SparkFunctionRulesTest}: a Spark function that holds a port. */
public final class SinkCapturingFunction implements FlatMapFunction<String, String> {

    private final BatchSink sink;

    public SinkCapturingFunction(BatchSink sink) {
        this.sink = sink;
    }

    @Override
    public Iterator<String> call(String text) {
        sink.accept(null);
        return List.of(text).iterator();
    }
}
