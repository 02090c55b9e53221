package io.tweetpipe.domain.bench;

import io.tweetpipe.domain.framing.Frame;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The relay's hot path, per tweet: a tweet's body framed for the wire ({@link Frame#of}), and a frame encoded to
 * UTF-8 as the relay did ({@link Frame#bytes()}, an array each) and does ({@link Frame#encodeInto} a reader's buffer).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class FramingBenchmark {

    private static final int TWEETS = 1_000;
    private final String[] bodies = Tweets.bodies(TWEETS);
    private final Frame[] frames = Tweets.frames(bodies);
    private final byte[] buffer = new byte[64 * 1024];
    private final char[] chars = new char[64 * 1024];

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void frameOf(Blackhole sink) {
        for (String body : bodies) {
            sink.consume(Frame.of(body));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void frameOfThenBytes(Blackhole sink) {
        for (String body : bodies) {
            sink.consume(Frame.of(body).get().bytes());
        }
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void encodeBytes(Blackhole sink) {
        for (Frame frame : frames) {
            sink.consume(frame.bytes());
        }
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public int encodeInto() {
        int at = 0;
        for (Frame frame : frames) {
            if (buffer.length - at < frame.maxEncodedLength()) {
                at = 0;
            }
            at += frame.encodeInto(buffer, at, chars);
        }
        return at;
    }
}
