package io.tweetpipe.bootstrap.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tweetpipe.adapters.kafka.KafkaFramePublisher;
import io.tweetpipe.adapters.kafka.KafkaRelaySettings;
import io.tweetpipe.adapters.socket.RelaySettings;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.FramePublisher.Delivery;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.bootstrap.broker.EmbeddedKafka;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.testing.CommandLines;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.batch.ClassifierAccuracy;
import io.tweetpipe.domain.batch.ClusterSummary;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.Ranking;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.WireFormat;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * tweetpipe's stream job on a real Spark standalone cluster: a master and a worker started from the Spark jars on
 * this machine, executors in JVMs of their own, everything on 127.0.0.1. The driver runs the job as the stream
 * process wires it ({@code StreamModule}); the receiver, the preprocessing and the tally run on an executor, which
 * receives them serialized, with tweetpipe's classes shipped as {@code spark.jars}. Also launched the way a cluster
 * user launches it: Spark's {@code SparkSubmit} with the bootstrap jar, {@code stream} mode. And reading a Kafka
 * topic through the direct stream, with no receiver, with the learning analyses (streaming k-means and the online
 * classifier) on the executors.
 *
 * <p>The whole class is bounded: the cluster, the three applications and the teardown share one 105 s budget.
 */
@Timeout(value = 105, unit = TimeUnit.SECONDS)
class ClusterStandaloneTest {

    private static final Duration BUDGET = Duration.ofSeconds(100);
    private static final String BATCH = "500ms";

    private static StandaloneCluster cluster;
    private static long deadline;

    @BeforeAll
    static void startCluster() throws Exception {
        assumeTrue(StandaloneCluster.sparkJarsPresent(),
                "skipped: no spark-core jar on the test class path, so no Spark standalone cluster can be started");
        deadline = System.nanoTime() + BUDGET.toNanos();
        // Under target/, not a JUnit temporary folder: the cluster's logs stay there to read after a failure.
        Path dir = StandaloneCluster.emptyFolder(Path.of("target", "cluster-test"));
        // Three cores: the receiver keeps one busy, so an application needs two at least; the third is slack for the
        // worker to launch the next application's executor while the previous one's is still going away.
        cluster = StandaloneCluster.start(dir, 3);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void givenFramedTweets_streamOnTheStandaloneCluster_deliversEachExactlyOnceThroughTheSink() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            bodies.add("Cluster tweet #" + i + " about COVID " + (i % 7 == 0 ? "😷 🇧🇷" : "à Ñ ü"));
        }
        bodies.addAll(List.of("a literal __end inside a tweet__end and again", "Backslash \\ and \\_ too",
                "line one\nline two\r\nline three\u2028end", "   padded on both sides   "));
        List<String> expected = bodies.stream().map(ClusterStandaloneTest::seen).sorted().toList();
        List<String> appsBefore = applications();

        List<String> records;
        try (SocketRelay relay = SocketRelay.open(RelaySettings.listeningOn("127.0.0.1", 0).build()).get()) {
            // A windowed analysis too: tumbling windows of two batches, so each tweet is counted in exactly one.
            Started stream = startOnTheCluster(config("stream", "--master", cluster.masterUrl(), "--port",
                    Integer.toString(relay.port()), "--batch-interval", BATCH, "--trends", "words", "--window", "1s",
                    "--slide", "1s", "--top", "3"));
            RunningStream running = stream.running();
            try {
                awaitOrFail(() -> relay.clients() > 0, "a receiver on an executor connects to the relay");
                for (String body : bodies) {
                    assertEquals(Delivery.SENT, relay.publish(Frame.of(body).get()));
                }
                CapturingBatchSink capture = stream.component().capture();
                capture.awaitRecords(expected.size(), remaining());
                // A few more batches, for a duplicate to show if there were one.
                TimeUnit.MILLISECONDS.sleep(1_500);
                awaitOrFail(() -> clusterWordsCounted(capture) >= 2_000, "the windows count every tweet");
                records = new ArrayList<>(capture.records().asJava());
                assertEquals(2_000, clusterWordsCounted(capture), "each tweet's word once, over the windows");
            } finally {
                running.stop();
            }
        }

        Collections.sort(records);
        assertEquals(expected.size(), records.size(), "as many records as tweets relayed");
        assertEquals(expected, records, "each tweet exactly once, preprocessed, and nothing else");
        assertTrue(executorLogOfTheNewApplication(appsBefore).contains("Called receiver 0 onStart"),
                "the receiver ran in an executor's JVM (the worker's log of the application's executor says so)");
    }

    /**
     * The stream on the cluster reading a Kafka topic (a KRaft broker in this JVM) through the direct stream: no
     * receiver; each Kafka partition is a Spark partition, read by a task on an executor. Every tweet the relay's
     * publisher put in the topic reaches the sink once.
     */
    @Test
    void givenTweetsOnAKafkaTopic_directStreamOnTheStandaloneCluster_deliversEachExactlyOnce() throws Exception {
        List<String> bodies = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            bodies.add("Kafka tweet #" + i + " on the CLUSTER " + (i % 5 == 0 ? "😷" : "à Ñ ü"));
        }
        List<String> expected = bodies.stream().map(ClusterStandaloneTest::seen).sorted().toList();
        List<String> appsBefore = applications();
        List<String> records;
        try (EmbeddedKafka kafka = EmbeddedKafka.start("tweets", 2)) {
            try (KafkaFramePublisher publisher = KafkaFramePublisher.open(KafkaRelaySettings.of(
                    kafka.bootstrapServers(), "tweets"))) {
                for (int i = 0; i < bodies.size(); i++) {
                    assertEquals(Delivery.SENT, publisher.publish(Frame.of(bodies.get(i)).get(), new TweetId(i + 1)));
                }
            }  // close delivers what the producer holds
            Started stream = startOnTheCluster(config("stream", "--master", cluster.masterUrl(),
                    "--batch-interval", BATCH, "--transport", "kafka", "--kafka-bootstrap", kafka.bootstrapServers(),
                    "--kafka-topic", "tweets", "--kafka-start", "earliest", "--clusters", "3", "--classifier"));
            RunningStream running = stream.running();
            try {
                CapturingBatchSink capture = stream.component().capture();
                capture.awaitRecords(expected.size(), remaining());
                TimeUnit.MILLISECONDS.sleep(1_500);  // a few more batches, for a duplicate to show if there were one
                awaitOrFail(() -> clustered(capture) >= bodies.size() && unlabelled(capture) >= bodies.size(),
                        "the learning analyses, run on the executors, place and judge every tweet");
                records = new ArrayList<>(capture.records().asJava());
                assertEquals(bodies.size(), clustered(capture), "k-means placed each tweet once, or left it out");
                assertEquals(bodies.size(), unlabelled(capture),
                        "the classifier saw each tweet once (text frames carry no language to learn from)");
            } finally {
                running.stop();
            }
        }
        Collections.sort(records);
        assertEquals(expected, records, "each tweet exactly once, preprocessed, and nothing else");
        String executorLog = executorLogOfTheNewApplication(appsBefore);
        assertTrue(executorLog.contains("Computing topic tweets, partition 0")
                        && executorLog.contains("Computing topic tweets, partition 1"),
                "each Kafka partition was read on an executor (its log says so)");
    }

    /** The tweets streaming k-means placed in a cluster or left out, over the batches. */
    private static long clustered(CapturingBatchSink capture) {
        return capture.outputs().filter(ClusterSummary.class::isInstance).map(ClusterSummary.class::cast)
                .map(summary -> summary.unclustered() + summary.clusters().map(ClusterSummary.Cluster::size)
                        .sum().longValue())
                .sum().longValue();
    }

    /** The tweets the online classifier found no label on, over the batches. */
    private static long unlabelled(CapturingBatchSink capture) {
        return capture.outputs().filter(ClassifierAccuracy.class::isInstance).map(ClassifierAccuracy.class::cast)
                .map(ClassifierAccuracy::unlabelled).sum().longValue();
    }

    /** The stream process's graph with a capturing sink, and its stream running on the cluster. */
    private record Started(ClusterStreamComponent component, RunningStream running) {
    }

    private static Started startOnTheCluster(PipelineConfig config) {
        Map<String, String> sparkSettings = Map.of(
                "spark.jars", cluster.applicationJars().stream().map(Path::toString).collect(Collectors.joining(",")),
                "spark.driver.host", StandaloneCluster.HOST,
                "spark.driver.bindAddress", StandaloneCluster.HOST,
                "spark.executor.memory", "512m",
                "spark.executor.extraJavaOptions", String.join(" ", StandaloneCluster.QUICK_START));
        // SparkConf reads spark.* system properties, as spark-submit passes them; the command line has no flag for
        // these, which only a cluster needs.
        sparkSettings.forEach(System::setProperty);
        ClusterStreamComponent stream = DaggerClusterStreamComponent.factory().create(config);
        Either<Rejection, RunningStream> started;
        try {
            started = stream.processTweetStream().start();
        } finally {
            sparkSettings.keySet().forEach(System::clearProperty);
        }
        assertTrue(started.isRight(), () -> "the stream starts on the cluster: " + started.getLeft());
        return new Started(stream, started.get());
    }

    /** The word "cluster" (in 2,000 of the tweets, once each) as the word rankings counted it, summed. */
    private static long clusterWordsCounted(CapturingBatchSink capture) {
        return capture.outputs().filter(Ranking.class::isInstance).map(Ranking.class::cast)
                .flatMap(Ranking::top).filter(count -> count.key().equals("cluster")).map(Count::count)
                .sum().longValue();
    }

    @Test
    void givenTheBootstrapJar_sparkSubmitToTheCluster_runsStreamModeAndPrintsTheTweets() throws Exception {
        Path bootstrapJar = cluster.applicationJars().stream()
                .filter(jar -> jar.getFileName().toString().startsWith("bootstrap")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no bootstrap classes on the class path"));
        String otherJars = cluster.applicationJars().stream().filter(jar -> !jar.equals(bootstrapJar))
                .map(Path::toString).collect(Collectors.joining(","));
        List<String> tweets = List.of("Submitted to the CLUSTER, first", "second 🦠 from spark-submit",
                "third: Ünïcödé and a literal __end");
        List<String> appsBefore = applications();
        try (SocketRelay relay = SocketRelay.open(RelaySettings.listeningOn("127.0.0.1", 0).build()).get()) {
            List<String> command = cluster.javaCommand("-Xmx512m", "org.apache.spark.deploy.SparkSubmit");
            command.addAll(command.size() - 1, StandaloneCluster.QUICK_START);
            command.addAll(List.of("--master", cluster.masterUrl(), "--deploy-mode", "client",
                    "--conf", "spark.driver.host=" + StandaloneCluster.HOST,
                    "--conf", "spark.driver.bindAddress=" + StandaloneCluster.HOST,
                    "--conf", "spark.executor.memory=512m",
                    "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", StandaloneCluster.QUICK_START),
                    "--jars", otherJars, "--class", "io.tweetpipe.bootstrap.Main", bootstrapJar.toString(),
                    // No --master of tweetpipe's own: the stream runs where spark-submit sends it.
                    "stream", "--port", Integer.toString(relay.port()), "--batch-interval", BATCH));
            Process driver = cluster.launch("submit", command);
            try {
                awaitOrFail(() -> relay.clients() > 0 || !driver.isAlive(), "the submitted stream's receiver "
                        + "connects to the relay");
                assertTrue(driver.isAlive(), () -> "spark-submit ended early:\n" + tail("submit"));
                tweets.forEach(tweet -> relay.publish(Frame.of(tweet).get()));
                awaitOrFail(() -> printed("submit").containsAll(tweets.stream().map(ClusterStandaloneTest::seen)
                        .toList()), "the driver prints the tweets");
            } finally {
                driver.destroy();  // SIGTERM: tweetpipe's stream stops gracefully
                if (!driver.waitFor(Math.max(5, remaining().toSeconds()), TimeUnit.SECONDS)) {
                    driver.destroyForcibly();
                }
            }
        }

        for (String tweet : tweets) {
            assertEquals(1, Collections.frequency(printed("submit"), seen(tweet)), () -> "printed once: " + tweet);
        }
        assertTrue(executorLogOfTheNewApplication(appsBefore).contains("Called receiver 0 onStart"),
                "its receiver ran in an executor's JVM (the worker's log of the application's executor says so)");
    }

    /** The executor logs of the one application the worker ran since {@code before}; fails unless there is one. */
    private static String executorLogOfTheNewApplication(List<String> before) throws IOException {
        List<String> after = applications();
        after.removeAll(before);
        assertEquals(1, after.size(), () -> "one application ran on the cluster's worker, not " + after);
        StringBuilder logs = new StringBuilder();
        try (Stream<Path> files = Files.walk(cluster.workDir().resolve(after.get(0)))) {
            for (Path stderr : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
                logs.append(Files.readString(stderr));
            }
        }
        return logs.toString();
    }

    private static PipelineConfig config(String... args) {
        return CommandLines.config(args).toEither().getOrElseThrow(mistakes -> new IllegalArgumentException(mistakes.mkString("; ")));
    }

    /** What the stream shows for a tweet: its body on one line, unescaped, lower-cased, trimmed. */
    private static String seen(String body) {
        return WireFormat.normaliseText(body).strip().toLowerCase(Locale.ROOT);
    }

    private static List<String> printed(String name) {
        try {
            return cluster.output(name).lines().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String tail(String name) {
        try {
            return StandaloneCluster.tail(cluster.log(name));
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** The applications the worker has run so far (app-* folders). */
    private static List<String> applications() throws IOException {
        if (!Files.isDirectory(cluster.workDir())) {
            return new ArrayList<>();
        }
        try (Stream<Path> apps = Files.list(cluster.workDir())) {
            return new ArrayList<>(apps.map(app -> app.getFileName().toString()).filter(n -> n.startsWith("app-"))
                    .toList());
        }
    }

    private static Duration remaining() {
        return Duration.ofNanos(Math.max(0, deadline - System.nanoTime()));
    }

    private static void awaitOrFail(BooleanSupplier condition, String what) throws Exception {
        while (!condition.getAsBoolean()) {
            if (remaining().isZero()) {
                fail(what + ": not within the test's budget of " + BUDGET.toSeconds() + " s. Executor logs:\n"
                        + StandaloneCluster.tail(cluster.executorLogs()));
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
    }
}
