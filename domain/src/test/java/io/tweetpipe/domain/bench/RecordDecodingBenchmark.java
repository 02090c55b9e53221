package io.tweetpipe.domain.bench;

import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.tweetpipe.domain.preprocessing.RecordDecoding;
import io.tweetpipe.domain.tweet.Author;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.Language;
import io.tweetpipe.domain.tweet.Tweet;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.control.Option;
import java.io.ByteArrayOutputStream;
import java.time.Instant;
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
 * The analyses' flatMap, per record, on a chunk of a thousand frames: {@link RecordDecoding} on the text wire and on
 * the structured wire, beside the plain text job's {@code applyUtf8} on the same bodies, and entity extraction alone;
 * and a batch's sample on the text wire, {@link RecordDecoding#sample} (bodies and languages).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class RecordDecodingBenchmark {

    private static final int TWEETS = 1_000;
    private final Preprocessing standard = Preprocessing.standard();
    private final RecordDecoding decoding = new RecordDecoding(standard);
    private final String[] bodies = Tweets.bodies(TWEETS);
    private final byte[] textChunk = Tweets.wireBytes(bodies);
    private final byte[] structuredChunk = structured(bodies);

    private static byte[] structured(String[] bodies) {
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < bodies.length; i++) {
            Tweet tweet = new Tweet(new TweetId(1_993_000_000_000_000_000L + i), bodies[i], Option.none(),
                    new Language("en"), Instant.parse("2026-11-24T10:00:00Z").plusMillis(i),
                    new Author(i, "user_" + i), Entities.extract(bodies[i]));
            wire.writeBytes(Frame.of(tweet, Wire.STRUCTURED).get().bytes());
        }
        return wire.toByteArray();
    }

    /** The plain text job, for comparison. */
    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void textWireApplyUtf8(Blackhole sink) {
        sink.consume(standard.applyUtf8(textChunk));
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void textWireRecords(Blackhole sink) {
        sink.consume(decoding.apply(textChunk));
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void structuredWireRecords(Blackhole sink) {
        sink.consume(decoding.apply(structuredChunk));
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void textWireSample(Blackhole sink) {
        sink.consume(decoding.sample(textChunk));
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void entitiesFromText(Blackhole sink) {
        for (String body : bodies) {
            sink.consume(Entities.extract(body));
        }
    }
}
