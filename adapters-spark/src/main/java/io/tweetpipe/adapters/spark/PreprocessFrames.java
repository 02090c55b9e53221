package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.preprocessing.RecordDecoding;
import io.tweetpipe.domain.tweet.SampledTweet;
import java.util.Collections;
import java.util.Iterator;
import java.util.Objects;
import org.apache.spark.api.java.function.FlatMapFunction;

/**
 * What a sample shows, as Spark's {@code flatMap} function: a chunk of frames in (the receiver's UTF-8 bytes, each
 * frame followed by its marker), each frame's preprocessed body out, with its language where the structured wire
 * carries one, by the domain's one-pass path for the text wire.
 * The nulls that pad a block to one element per frame (see {@code FrameReading.Block#records}) hold nothing. It holds
 * the domain's decoding and nothing else, so what Spark ships to an executor is the domain function alone.
 */
final class PreprocessFrames implements FlatMapFunction<byte[], SampledTweet> {

    private final RecordDecoding decoding;

    PreprocessFrames(RecordDecoding decoding) {
        this.decoding = Objects.requireNonNull(decoding, "decoding");
    }

    @Override
    public Iterator<SampledTweet> call(byte[] chunk) {
        if (chunk == null) {
            return Collections.emptyIterator();
        }
        return decoding.sample(chunk).iterator();
    }
}
