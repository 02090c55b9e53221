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

/** The relay's hot path: a tweet's body framed for the wire ({@link Frame#of}), per tweet. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class FramingBenchmark {

    private static final int TWEETS = 1_000;
    private final String[] bodies = Tweets.bodies(TWEETS);

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
}
