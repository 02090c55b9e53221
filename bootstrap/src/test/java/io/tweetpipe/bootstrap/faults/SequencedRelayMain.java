package io.tweetpipe.bootstrap.faults;

import io.tweetpipe.adapters.kafka.KafkaFramePublisher;
import io.tweetpipe.adapters.kafka.KafkaRelaySettings;
import io.tweetpipe.adapters.socket.RelaySettings;
import io.tweetpipe.adapters.socket.RelayStats;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.application.port.out.FramePublisher.Delivery;
import java.io.BufferedReader;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.reflect.RecordComponent;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The relay as a process of its own for fault runs: the real {@link SocketRelay}, fed by a source of sequenced
 * tweets in the same process, as the product's relay is fed by its replay or Twitter. A process, so that it can be
 * killed ({@code SIGKILL}) and its memory read from {@code /proc}.
 *
 * <p>Arguments are {@code key=value}: {@code port}, {@code from} (first number), {@code rate} (tweets/s, 0 = flat
 * out), {@code kafka} and {@code topic} (publish structured records there, keyed by tweet id, instead of listening),
 * {@code count} and {@code seconds} (when to stop publishing, either), {@code awaitClients} (publish only once
 * that many readers are connected), {@code clientBufferBytes}, {@code maxFrameBytes}, {@code stallMillis},
 * {@code closeGraceMillis}, {@code progress} (a file the publisher's counters are mapped into, readable after a
 * kill), {@code outcomes} (a file for what became of each number, written on a clean stop).
 *
 * <p>It says on standard output: {@code listening PORT} (on a socket), then {@code stats k=v ...} every 100 ms, {@code published
 * k=v ...} when it stops publishing, and {@code final k=v ...} once the relay is closed. It publishes until its
 * count or time is up, then serves readers until it reads {@code stop} (or the end) on standard input, then closes
 * the relay (which flushes what readers have not taken yet) and exits.
 */
public final class SequencedRelayMain {

    static final int PROGRESS_BYTES = 32;

    private final Map<String, String> args;
    private final PrintStream out = System.out;
    private volatile boolean stopAsked;
    private volatile long peakBuffered;
    private volatile long attempted;
    private volatile long accepted;
    private volatile long dropped;
    private volatile long backlogged;
    private volatile long maxPublishNanos;

    private SequencedRelayMain(Map<String, String> args) {
        this.args = args;
    }

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = new LinkedHashMap<>();
        for (String arg : argv) {
            int eq = arg.indexOf('=');
            args.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            System.out.println("UNCAUGHT in " + thread.getName() + ": " + e);
            e.printStackTrace();
        });
        new SequencedRelayMain(args).run();
        System.out.flush();
        System.exit(0);
    }

    private long number(String key, long otherwise) {
        return args.containsKey(key) ? Long.parseLong(args.get(key)) : otherwise;
    }

    /**
     * Where the frames go: the relay's socket, or a Kafka topic through the relay's Kafka publisher. What a report
     * line says of it: a record's components, by name.
     */
    private interface Outlet extends AutoCloseable {

        Delivery publish(long seq);

        Record stats();

        long bufferedBytes();

        /** What the transport confirmed it holds, or -1 if it cannot say. */
        long acknowledged();

        long clients();

        @Override
        void close();
    }

    private Outlet socketOutlet() {
        RelaySettings defaults = RelaySettings.listeningOn("127.0.0.1", 0).build();
        RelaySettings settings = RelaySettings.listeningOn("127.0.0.1", (int) number("port", 0))
                .maxFrameBytes((int) number("maxFrameBytes", defaults.maxFrameBytes()))
                .clientBufferBytes((int) number("clientBufferBytes", defaults.clientBufferBytes()))
                .closeGrace(Duration.ofMillis(number("closeGraceMillis", defaults.closeGrace().toMillis())))
                .stallTimeout(Duration.ofMillis(number("stallMillis", defaults.stallTimeout().toMillis()))).build();
        SocketRelay relay = SocketRelay.open(settings).getOrElseThrow(r -> new IllegalStateException(r.toString()));
        out.println("listening " + relay.port());
        out.flush();
        return new Outlet() {
            @Override
            public Delivery publish(long seq) {
                return relay.publish(SequencedTweets.frame(seq));
            }

            @Override
            public Record stats() {
                return relay.stats();
            }

            @Override
            public long bufferedBytes() {
                return relay.stats().bufferedBytes();
            }

            @Override
            public long acknowledged() {
                return -1;
            }

            @Override
            public long clients() {
                return relay.clients();
            }

            @Override
            public void close() {
                relay.close();
            }
        };
    }

    /** Structured records keyed by their tweet's id, as the product's relay publishes with --transport kafka. */
    private Outlet kafkaOutlet() {
        KafkaFramePublisher kafka = KafkaFramePublisher.open(KafkaRelaySettings.of(args.get("kafka"),
                args.get("topic")));
        return new Outlet() {
            @Override
            public Delivery publish(long seq) {
                return kafka.publish(SequencedTweets.structuredFrame(seq), SequencedTweets.id(seq));
            }

            @Override
            public Record stats() {
                return kafka.stats();
            }

            @Override
            public long bufferedBytes() {
                return 0;  // the producer's buffer is its own: its records, not its bytes, are counted
            }

            @Override
            public long acknowledged() {
                return kafka.stats().acknowledged();
            }

            @Override
            public long clients() {
                return 0;
            }

            @Override
            public void close() {
                kafka.close();
            }
        };
    }

    private void run() throws Exception {
        Outlet relay = args.containsKey("kafka") ? kafkaOutlet() : socketOutlet();
        MappedByteBuffer progress = args.containsKey("progress") ? map(Path.of(args.get("progress"))) : null;

        daemon("stdin", () -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null && !line.strip().equals("stop"); line = in.readLine()) {
                    // only "stop" means anything
                }
            } catch (IOException ignored) {
                // the parent is gone: stop as if told to
            }
            stopAsked = true;
        });
        daemon("sampler", () -> {
            while (true) {
                peakBuffered = Math.max(peakBuffered, relay.bufferedBytes());
                if (progress != null) {
                    progress.putLong(24, relay.acknowledged());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        });
        daemon("reporter", () -> {
            while (true) {
                report("stats", relay.stats());
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
            }
        });

        long from = number("from", 0);
        long count = number("count", -1);
        long seconds = number("seconds", -1);
        double rate = Double.parseDouble(args.getOrDefault("rate", "0"));
        long awaitClients = number("awaitClients", 0);
        while (relay.clients() < awaitClients && !stopAsked) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        BitSet acceptedSeqs = new BitSet();
        BitSet backloggedSeqs = new BitSet();
        long start = System.nanoTime();
        long end = seconds < 0 ? Long.MAX_VALUE : start + TimeUnit.SECONDS.toNanos(seconds);
        for (long i = 0; (count < 0 || i < count) && !stopAsked; i++) {
            long now = System.nanoTime();
            if (now - end >= 0) {
                break;
            }
            if (rate > 0) {
                long due = start + (long) (i * 1e9 / rate);
                if (due - now > 20_000) {
                    LockSupport.parkNanos(due - now);
                }
            }
            long seq = from + i;
            if (progress != null) {
                progress.putLong(0, seq);  // attempting
            }
            long before = System.nanoTime();
            Delivery delivery = relay.publish(seq);
            long took = System.nanoTime() - before;
            if (took > maxPublishNanos) {
                maxPublishNanos = took;
            }
            attempted = i + 1;
            if (delivery == Delivery.DROPPED) {
                dropped++;
            } else {
                accepted++;
                acceptedSeqs.set((int) i);
                if (delivery == Delivery.BACKLOGGED) {
                    backlogged++;
                    backloggedSeqs.set((int) i);
                }
            }
            if (progress != null) {
                progress.putLong(8, accepted);
                progress.putLong(16, dropped);
            }
        }
        report("published", relay.stats());
        while (!stopAsked) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        relay.close();
        if (args.containsKey("outcomes")) {
            try (DataOutputStream file = new DataOutputStream(Files.newOutputStream(Path.of(args.get("outcomes"))))) {
                file.writeLong(from);
                file.writeLong(attempted);
                writeBits(file, acceptedSeqs);
                writeBits(file, backloggedSeqs);
            }
        }
        report("final", relay.stats());
    }

    private static void writeBits(DataOutputStream file, BitSet bits) throws IOException {
        byte[] bytes = bits.toByteArray();
        file.writeInt(bytes.length);
        file.write(bytes);
    }

    private static MappedByteBuffer map(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE)) {
            MappedByteBuffer buffer = channel.map(FileChannel.MapMode.READ_WRITE, 0, PROGRESS_BYTES);
            buffer.putLong(0, -1);
            return buffer;
        }
    }

    private synchronized void report(String what, Record stats) {
        StringBuilder line = new StringBuilder(what);
        try {
            for (RecordComponent component : stats.getClass().getRecordComponents()) {
                line.append(' ').append(component.getName()).append('=')
                        .append(component.getAccessor().invoke(stats));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        if (stats instanceof RelayStats socket) {
            line.append(" dropped=").append(socket.dropped());
        }
        line.append(" attempted=").append(attempted).append(" accepted=").append(accepted)
                .append(" publisherDropped=").append(dropped).append(" publisherBacklogged=").append(backlogged)
                .append(" maxPublishNanos=").append(maxPublishNanos).append(" peakBuffered=").append(peakBuffered)
                .append(" peakRss=").append(Jvm.peakRssBytes(ProcessHandle.current().pid()));
        out.println(line);
        out.flush();
    }

    private static void daemon(String name, Runnable work) {
        Thread thread = new Thread(work, "sequenced-relay-" + name);
        thread.setDaemon(true);
        thread.start();
    }
}
