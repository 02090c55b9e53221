package io.tweetpipe.domain.bench;

import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.tweetpipe.domain.preprocessing.Rules;
import java.nio.charset.StandardCharsets;
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
    private final byte[] chunkBytes = chunk.getBytes(StandardCharsets.UTF_8);
    private final String[] frames = chunk.split("__end", -1);
    private final String[] pieces = Rules.SPLIT_ON_MARKER.apply(chunk).toJavaArray(String[]::new);

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void chunkOfAThousand(Blackhole sink) {
        sink.consume(standard.apply(chunk));
    }

    /** What the stream job runs: the receiver's UTF-8 bytes to records, the standard rules in one pass. */
    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void chunkOfAThousandFromUtf8(Blackhole sink) {
        sink.consume(standard.applyUtf8(chunkBytes));
    }

    /** What it ran before the one pass: the chunk decoded, then the rules one by one. */
    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void chunkOfAThousandDecodedThenRules(Blackhole sink) {
        sink.consume(standard.apply(new String(chunkBytes, StandardCharsets.UTF_8)));
    }

    /** The rules one by one on frames as the splitter cuts them: where a record's time goes. */
    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void ruleByRule(Blackhole sink) {
        for (int i = 0; i < TWEETS; i++) {
            String frame = pieces[i];
            String unescaped = Rules.UNESCAPE.apply(frame);
            String normalised = Rules.NORMALISE_TEXT.apply(unescaped);
            String lower = Rules.LOWERCASE.apply(normalised);
            sink.consume(Rules.TRIM.apply(lower));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void normaliseTextOnly(Blackhole sink) {
        for (int i = 0; i < TWEETS; i++) {
            sink.consume(Rules.NORMALISE_TEXT.apply(pieces[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void lowercaseOnly(Blackhole sink) {
        for (int i = 0; i < TWEETS; i++) {
            sink.consume(Rules.LOWERCASE.apply(pieces[i]));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void oneFrameAtATime(Blackhole sink) {
        for (int i = 0; i < TWEETS; i++) {
            sink.consume(standard.apply(frames[i]));
        }
    }
}
