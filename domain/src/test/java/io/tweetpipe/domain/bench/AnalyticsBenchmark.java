package io.tweetpipe.domain.bench;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.KeyCounts;
import io.tweetpipe.domain.analysis.KeyTally;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.analysis.Words;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.tweetpipe.domain.preprocessing.RecordDecoding;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Seq;
import java.time.Duration;
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
 * The trends' hot paths, per tweet, over a thousand records read from the text wire: tokenising ({@link Words#of}),
 * a trend's keys (words less stop words, hashtags), and a batch's keys counted where they stand, as each partition's
 * digest does before the window adds the batch in (hashtag extraction from text is
 * {@link RecordDecodingBenchmark#entitiesFromText}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(value = 1, jvmArgsAppend = "-Xmx1g")
public class AnalyticsBenchmark {

    private static final int TWEETS = 1_000;
    private static final Window WINDOW = new Window(Duration.ofSeconds(60), Duration.ofSeconds(10));
    private final String[] bodies = Tweets.bodies(TWEETS);
    private final Seq<TweetRecord> records = new RecordDecoding(Preprocessing.standard())
            .apply(Tweets.wireBytes(bodies));
    private final Analysis.Trending words = new Analysis.Trending(Subject.WORDS, WINDOW, 10);
    private final Analysis.Trending hashtags = new Analysis.Trending(Subject.HASHTAGS, WINDOW, 10);

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void words(Blackhole sink) {
        for (String body : bodies) {
            sink.consume(Words.of(body));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void wordKeys(Blackhole sink) {
        for (TweetRecord record : records) {
            sink.consume(words.keys(record));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public void hashtagKeys(Blackhole sink) {
        for (TweetRecord record : records) {
            sink.consume(hashtags.keys(record));
        }
    }

    @Benchmark
    @OperationsPerInvocation(TWEETS)
    public KeyCounts batchWordCounts() {
        KeyTally tally = words.keyRule().tally();
        for (TweetRecord record : records) {
            tally.add(record);
        }
        return tally.counts();
    }
}
