package io.tweetpipe.adapters.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.streaming.api.java.JavaDStream;
import org.apache.spark.streaming.api.java.JavaStreamingContext;

/**
 * Where the job's chunks of frames come from: the relays' sockets, or in a test a schedule of batches. Each element is
 * the UTF-8 bytes of whole frames, or null for nothing (see {@code FrameReading.Block#records}).
 */
@FunctionalInterface
interface StreamInput {

    JavaDStream<byte[]> open(JavaStreamingContext context, SparkConf conf);

    /** Called once every analysis's outputs are registered on the stream {@link #open} returned. */
    default void afterOutputs() {
    }
}
