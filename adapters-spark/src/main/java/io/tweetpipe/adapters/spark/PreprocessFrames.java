package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.preprocessing.Preprocessing;
import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * The domain's preprocessing as Spark's {@code flatMap} function: one frame in, its records out. It holds the
 * {@link Preprocessing} record and nothing else, so what Spark ships to an executor is the domain function alone.
 */
final class PreprocessFrames implements FlatMapFunction<String, String> {

    private final Preprocessing preprocessing;

    PreprocessFrames(Preprocessing preprocessing) {
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
    }

    @Override
    public Iterator<String> call(String frame) {
        return preprocessing.apply(frame).iterator();
    }
}
