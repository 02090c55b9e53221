package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.preprocessing.Preprocessing;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * The domain's preprocessing as Spark's {@code flatMap} function: a chunk of frames in (the receiver's UTF-8 bytes,
 * each frame followed by its marker), its records out; the domain's first rule cuts the chunk on the markers. The
 * nulls that pad a block to one element per frame (see {@code FrameReading.Block#records}) hold nothing. It holds the
 * {@link Preprocessing} record and nothing else, so what Spark ships to an executor is the domain function alone.
 */
final class PreprocessFrames implements FlatMapFunction<byte[], String> {

    private final Preprocessing preprocessing;

    PreprocessFrames(Preprocessing preprocessing) {
        this.preprocessing = Objects.requireNonNull(preprocessing, "preprocessing");
    }

    @Override
    public Iterator<String> call(byte[] chunk) {
        if (chunk == null) {
            return Collections.emptyIterator();
        }
        return preprocessing.applyUtf8(chunk).iterator();
    }
}
