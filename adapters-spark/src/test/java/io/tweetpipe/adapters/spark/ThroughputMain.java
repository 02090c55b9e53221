package io.tweetpipe.adapters.spark;

import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.StreamOutput;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.control.Option;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How fast the stream job keeps up, measured in one JVM: a feeder thread writes pre-framed tweets to a loopback
 * socket at a paced rate, the real {@link SparkStreamEngine} reads it in local[2], and a counting sink adds up the
 * records and each batch's scheduling delay. A benchmark, not a test: run it by hand, one rate per JVM, e.g.
 *
 * <pre>
 * mvn -o -q -pl adapters-spark test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -Xmx1g $SPARK_FLAGS \
 *     -cp adapters-spark/target/test-classes:adapters-spark/target/classes:$(cat adapters-spark/target/cp.txt) \
 *     io.tweetpipe.adapters.spark.ThroughputMain 300000 60 1000 1 'local[3]'
 * </pre>
 *
 * <p>Arguments: tweets per second, seconds to feed, batch interval in ms (default 1000), receivers (default 1: with
 * n &gt; 1 the feed is spread over n sockets), master (default local[n+1]). {@code spark.*} system properties
 * ({@code -Dspark.serializer=...}) reach Spark. It prints one line: whether the job kept up (every tweet processed,
 * every scheduling delay under one batch interval once the first 5 s are past), the worst delays, heap and RSS, and
 * the CPU time the process spent per million tweets: on a machine others share, the rate a job keeps up with
 * depends on their load, its CPU time per tweet much less.
 */
public final class ThroughputMain {

    private static final Duration WARM_UP = Duration.ofSeconds(5);

    private ThroughputMain() {
    }

    public static void main(String[] args) throws Exception {
        long rate = Long.parseLong(args[0]);
        Duration feedFor = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 60);
        Duration batchInterval = Duration.ofMillis(args.length > 2 ? Long.parseLong(args[2]) : 1000);
        int receivers = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        String master = args.length > 4 ? args[4] : "local[" + (receivers + 1) + "]";
        byte[][] pool = framedPool(4096);

        List<ServerSocket> servers = new ArrayList<>();
        for (int i = 0; i < receivers; i++) {
            servers.add(new ServerSocket(0, 1, InetAddress.getLoopbackAddress()));
        }
        SparkSettings settings = settings(servers, batchInterval, master);
        CountingSink sink = new CountingSink();
        MemoryWatch memory = new MemoryWatch();
        memory.start();
        long started = System.nanoTime();
        RunningStream running = new SparkStreamEngine(settings)
                .start(StreamJob.sampling(Batch.PRINTED), sink)
                .getOrElseThrow(rejection -> new IllegalStateException(rejection.toString()));
        long cpuAtStart = processCpuNanos();
        long gcAtStart = gcMillis();
        List<Feeder> feeders = new ArrayList<>();
        for (ServerSocket server : servers) {
            Feeder feeder = new Feeder(server, pool, rate / receivers, feedFor);
            feeders.add(feeder);
            feeder.start();
        }
        long sent = 0;
        long behind = 0;
        for (Feeder feeder : feeders) {
            feeder.awaitFed();
            sent += feeder.sent.get();
            behind = Math.max(behind, feeder.worstLagMillis);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (sink.records.get() < sent && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        Duration drained = Duration.ofNanos(System.nanoTime() - started).minus(feedFor);
        double cpuPerMillion = (processCpuNanos() - cpuAtStart) / 1e9 / (Math.max(1, sink.records.get()) / 1e6);
        long gc = gcMillis() - gcAtStart;
        running.stop();
        for (ServerSocket server : servers) {
            server.close();
        }
        memory.interrupt();
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        boolean keptUp = sink.records.get() == sent && sink.worstDelayAfterWarmUp < batchInterval.toMillis();
        System.out.printf(Locale.ROOT, "rate %,d/s for %ds, batch %d ms, %d receiver(s), %s: %s; "
                        + "sent %,d processed %,d; scheduling delay max %,d ms (after %ds: %,d ms); "
                        + "processing max %,d ms; feeder lag max %d ms; heap peak %,d MB; RSS peak %,d MB; "
                        + "done %.1f s after the feed; CPU %.2f s per million tweets (feeder included), GC %,d ms; "
                        + "load %.2f%n",
                rate, feedFor.toSeconds(), batchInterval.toMillis(), receivers, master,
                keptUp ? "KEPT UP" : "FELL BEHIND",
                sent, sink.records.get(), sink.worstDelay, WARM_UP.toSeconds(), sink.worstDelayAfterWarmUp,
                sink.worstProcessing, behind, memory.peakHeap / (1 << 20), rssPeakKb() / 1024,
                drained.toMillis() / 1000.0, cpuPerMillion, gc, load);
        System.exit(0);
    }

    private static SparkSettings settings(List<ServerSocket> servers, Duration batchInterval, String master) {
        return SparkSettings.builder(master, batchInterval).ui(Option.none())
                .relays(io.vavr.collection.List.ofAll(servers)
                        .map(server -> new SparkSettings.Relay("127.0.0.1", server.getLocalPort())))
                .build();
    }

    /** Tweet-like bodies of 60 to 240 characters, some upper case, some with emoji and accents, framed once. */
    private static byte[][] framedPool(int size) {
        Random random = new Random(42);
        String[] words = {"covid", "vaccine", "Booster", "hospital", "STAFF", "deserve", "a", "raise", "just", "got",
            "my", "shot", "feeling", "fine", "today", "#covid", "@who", "https://t.co/xyz", "🇧🇷", "café", "naïve",
            "the", "dashboard", "shipped", "finally", "queue", "was", "long", "but", "worth", "it"};
        byte[][] pool = new byte[size][];
        for (int i = 0; i < size; i++) {
            int length = 60 + random.nextInt(180);
            StringBuilder body = new StringBuilder();
            while (body.length() < length) {
                body.append(words[random.nextInt(words.length)]).append(' ');
            }
            pool[i] = Frame.of(body.toString()).get().text().getBytes(StandardCharsets.UTF_8);
        }
        return pool;
    }

    /** CPU time of the whole process, every thread: Spark's, the receiver's, the feeder's. */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static long gcMillis() {
        return ManagementFactory.getGarbageCollectorMXBeans().stream()
                .mapToLong(java.lang.management.GarbageCollectorMXBean::getCollectionTime).sum();
    }

    private static long rssPeakKb() {
        try {
            return Files.readAllLines(Path.of("/proc/self/status")).stream()
                    .filter(line -> line.startsWith("VmHWM:"))
                    .mapToLong(line -> Long.parseLong(line.replaceAll("\\D", "")))
                    .findFirst().orElse(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    /** Writes frames to one reader at a steady rate, in slices every 10 ms; counts what it wrote. */
    private static final class Feeder extends Thread {
        private final ServerSocket server;
        private final byte[][] pool;
        private final long rate;
        private final Duration feedFor;
        final AtomicLong sent = new AtomicLong();
        volatile long worstLagMillis;

        Feeder(ServerSocket server, byte[][] pool, long rate, Duration feedFor) {
            super("feeder-" + server.getLocalPort());
            this.server = server;
            this.pool = pool;
            this.rate = rate;
            this.feedFor = feedFor;
        }

        @Override
        public void run() {
            try (Socket client = server.accept()) {
                OutputStream out = client.getOutputStream();
                byte[] buffer = new byte[1 << 20];
                long start = System.nanoTime();
                long end = start + feedFor.toNanos();
                long tick = TimeUnit.MILLISECONDS.toNanos(10);
                int next = 0;
                for (long due = start; due < end; due += tick) {
                    long now = System.nanoTime();
                    if (due > now) {
                        TimeUnit.NANOSECONDS.sleep(due - now);
                    } else {
                        worstLagMillis = Math.max(worstLagMillis, (now - due) / 1_000_000);
                    }
                    long target = rate * (due - start + tick) / 1_000_000_000L;
                    int filled = 0;
                    while (sent.get() < target) {
                        byte[] frame = pool[next];
                        if (filled + frame.length > buffer.length) {
                            out.write(buffer, 0, filled);
                            filled = 0;
                        }
                        System.arraycopy(frame, 0, buffer, filled, frame.length);
                        filled += frame.length;
                        next = (next + 1) % pool.length;
                        sent.incrementAndGet();
                    }
                    out.write(buffer, 0, filled);
                }
                out.flush();
                // Keep the connection open: the receiver reads what is left at its own pace.
                TimeUnit.SECONDS.sleep(25);
            } catch (IOException | InterruptedException e) {
                // the run is over
            }
        }

        void awaitFed() throws InterruptedException {
            // The feed is over when every frame is written; the socket stays open behind it.
            long deadline = System.nanoTime() + feedFor.toNanos() + TimeUnit.SECONDS.toNanos(60);
            long target = rate * feedFor.toSeconds();
            while (sent.get() < target && System.nanoTime() < deadline && isAlive()) {
                Thread.sleep(20);
            }
        }
    }

    /** Adds up records and keeps the worst delays. */
    private static final class CountingSink implements BatchSink {
        final AtomicLong records = new AtomicLong();
        private final long started = System.nanoTime();
        volatile long worstDelay;
        volatile long worstDelayAfterWarmUp;
        volatile long worstProcessing;

        @Override
        public void accept(StreamOutput output) {
            if (output instanceof Batch batch) {
                records.addAndGet(batch.count());
            } else if (output instanceof BatchFigures figures) {
                long delay = figures.schedulingDelay().toMillis();
                worstDelay = Math.max(worstDelay, delay);
                if (System.nanoTime() - started > WARM_UP.toNanos() && figures.records() > 0) {
                    worstDelayAfterWarmUp = Math.max(worstDelayAfterWarmUp, delay);
                }
                worstProcessing = Math.max(worstProcessing, figures.processing().toMillis());
            }
        }
    }

    /** Samples the heap in use every 100 ms. */
    private static final class MemoryWatch extends Thread {
        volatile long peakHeap;

        MemoryWatch() {
            super("memory-watch");
            setDaemon(true);
        }

        @Override
        public void run() {
            try {
                while (true) {
                    long used = 0;
                    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                        if (pool.getType() == MemoryType.HEAP) {
                            used += pool.getUsage().getUsed();
                        }
                    }
                    peakHeap = Math.max(peakHeap, used);
                    Thread.sleep(100);
                }
            } catch (InterruptedException e) {
                // done
            }
        }
    }
}
