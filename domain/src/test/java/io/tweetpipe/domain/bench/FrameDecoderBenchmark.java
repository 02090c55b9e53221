package io.tweetpipe.domain.bench;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.FrameDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The stream's reading path: the wire's bytes cut into frames by {@link FrameDecoder}, in 64 KiB reads as a socket
 * hands them over, per frame: as strings ({@code feed}, the relay's test reader) and as bytes ({@code feedBytes},
 * the Spark receiver, which stores the bytes undecoded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class FrameDecoderBenchmark {

    private static final int TWEETS = 10_000;
    private static final int READ = 64 << 10;
    private byte[] wire;

    @Setup
    public void frame() {
        wire = Tweets.wireBytes(Tweets.bodies(TWEETS));
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void feed(Blackhole sink) {
        FrameDecoder decoder = new FrameDecoder(1 << 20);
        FrameDecoder.Listener listener = new FrameDecoder.Listener() {
            @Override
            public void frame(String text) {
                sink.consume(text);
            }

            @Override
            public void rejected(Rejection rejection) {
                sink.consume(rejection);
            }
        };
        for (int at = 0; at < wire.length; at += READ) {
            decoder.feed(wire, at, Math.min(READ, wire.length - at), listener);
        }
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void feedBytes(Blackhole sink) {
        FrameDecoder decoder = new FrameDecoder(1 << 20);
        FrameDecoder.BytesListener listener = new FrameDecoder.BytesListener() {
            @Override
            public void frame(byte[] bytes, int from, int to) {
                sink.consume(to - from);
            }

            @Override
            public void rejected(Rejection rejection) {
                sink.consume(rejection);
            }
        };
        for (int at = 0; at < wire.length; at += READ) {
            decoder.feedBytes(wire, at, Math.min(READ, wire.length - at), listener);
        }
    }
}
