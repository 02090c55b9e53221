package io.tweetpipe.domain.bench;

import io.tweetpipe.domain.preprocessing.Preprocessing;
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
 * Spark's flatMap: {@code Preprocessing.standard().apply} on what the receiver stores, per record: a chunk of a
 * thousand frames (what the receiver stores now), and one frame per call (what it stored before).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class PreprocessingBenchmark {

    private static final int TWEETS = 1_000;
    private final Preprocessing standard = Preprocessing.standard();
    private final String[] bodies = Tweets.bodies(TWEETS);
    private final String chunk = Tweets.wire(bodies);
    private final String[] frames = chunk.split("__end", -1);

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void chunkOfAThousand(Blackhole sink) {
        sink.consume(standard.apply(chunk));
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void oneFrameAtATime(Blackhole sink) {
        for (int i = 0; i < TWEETS; i++) {
            sink.consume(standard.apply(frames[i]));
        }
    }
}
