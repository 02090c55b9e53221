package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.tweetpipe.domain.tweet.Tweet;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import io.vavr.control.Option;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * What the analytics cost per tweet, measured in one JVM without a receiver or a socket: the bundled sample's
 * tweets, on the wire given, replayed through the real {@link SparkStreamEngine} in scheduled batches of a fixed size,
 * with the benchmark's load (trends of hashtags and words over a 60 s window sliding by 10 s, and a SQL group-by).
 * {@code -Dspark.*} properties reach Spark and win. It prints the processing time of each batch and the process's CPU time per tweet past the warm-up: on a machine
 * others share, the CPU time per tweet is the figure that compares two builds. A benchmark, not a test: run it by hand.
 *
 * <p>{@code AnalyticsCostMain <tweets a batch> <batches> [text|structured]}
 */
public final class AnalyticsCostMain {

    public static void main(String[] args) throws Exception {
        int perBatch = Integer.parseInt(args[0]);
        int batchCount = Integer.parseInt(args[1]);
        Wire wire = args.length > 2 && args[2].equals("structured") ? Wire.STRUCTURED : Wire.TEXT;
        Seq<Tweet> sample = BundledSample.tweets();
        Seq<byte[]> frames = sample.map(tweet -> Frame.of(tweet, wire).get().text().getBytes(StandardCharsets.UTF_8));
        Seq<Seq<byte[]>> batches = Vector.range(0, batchCount).map(b -> chunks(frames, b * perBatch, perBatch));
        Window window = Window.of(Duration.ofSeconds(60), Duration.ofSeconds(10), Duration.ofSeconds(1)).get();
        StreamJob job = new StreamJob(Preprocessing.standard(), List.of(new Analysis.Sample(Batch.PRINTED),
                new Analysis.Trending(Subject.HASHTAGS, window, 10), new Analysis.Trending(Subject.WORDS, window, 10),
                new Analysis.Sql("SELECT lang, count(*) AS n FROM tweets GROUP BY lang", Option.none())));
        CapturingBatchSink sink = new CapturingBatchSink();
        Duration interval = Duration.ofSeconds(1);
        SparkSettings.Builder settings = TestSettings.builder(5555, interval);
        System.getProperties().stringPropertyNames().stream().filter(name -> name.startsWith("spark."))
                .forEach(name -> settings.sparkConf(name, System.getProperty(name)));  // they win, as a user's do
        RunningStream running = new SparkStreamEngine(settings.build(),
                ScheduledInput.of(batches)).start(job, sink).getOrElseThrow(r -> new IllegalStateException(r.toString()));
        int warmUp = Math.min(10, batchCount / 3);
        long cpuAtWarm = -1;
        try {
            while (sink.figures().size() < batchCount + 1) {
                if (cpuAtWarm < 0 && sink.figures().size() >= warmUp + 1) {
                    cpuAtWarm = cpu();
                }
                Thread.sleep(20);
            }
        } finally {
            long cpuAtEnd = cpu();
            running.stop();
            Seq<BatchFigures> figures = sink.figures().drop(1).take(batchCount);
            System.out.println("processing ms: " + figures.map(f -> f.processing().toMillis()).mkString(" "));
            Seq<Long> measured = figures.drop(warmUp).map(f -> f.processing().toMillis());
            long tweets = (long) perBatch * (batchCount - warmUp);
            System.out.printf("%s wire, %,d tweets a batch: mean %.0f ms, max %d ms a batch; CPU %.1f us a tweet%n",
                    wire, perBatch, measured.map(Long::doubleValue).average().get(), measured.max().get(),
                    (cpuAtEnd - cpuAtWarm) / 1000.0 / tweets);
        }
    }

    private static Seq<byte[]> chunks(Seq<byte[]> frames, int from, int count) {
        int perChunk = 500;
        return Vector.range(0, (count + perChunk - 1) / perChunk).map(c -> {
            java.io.ByteArrayOutputStream chunk = new java.io.ByteArrayOutputStream();
            for (int i = c * perChunk; i < Math.min(count, (c + 1) * perChunk); i++) {
                chunk.writeBytes(frames.get((from + i) % frames.size()));
            }
            return chunk.toByteArray();
        });
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
