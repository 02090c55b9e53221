package io.tweetpipe.bootstrap.faults;

import io.tweetpipe.adapters.socket.RelaySettings;
import io.tweetpipe.adapters.socket.RelayStats;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.application.port.out.FramePublisher.Delivery;
import io.tweetpipe.domain.framing.Frame;
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
 * out), {@code count} and {@code seconds} (when to stop publishing, either), {@code awaitClients} (publish only once
 * that many readers are connected), {@code clientBufferBytes}, {@code maxFrameBytes}, {@code stallMillis},
 * {@code closeGraceMillis}, {@code progress} (a file the publisher's counters are mapped into, readable after a
 * kill), {@code outcomes} (a file for what became of each number, written on a clean stop).
 *
 * <p>It says on standard output: {@code listening PORT}, then {@code stats k=v ...} every 100 ms, {@code published
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

    private void run() throws Exception {
        RelaySettings defaults = RelaySettings.listeningOn("127.0.0.1", 0).build();
        RelaySettings settings = RelaySettings.listeningOn("127.0.0.1", (int) number("port", 0))
                .maxFrameBytes((int) number("maxFrameBytes", defaults.maxFrameBytes()))
                .clientBufferBytes((int) number("clientBufferBytes", defaults.clientBufferBytes()))
                .closeGrace(Duration.ofMillis(number("closeGraceMillis", defaults.closeGrace().toMillis())))
                .stallTimeout(Duration.ofMillis(number("stallMillis", defaults.stallTimeout().toMillis()))).build();
        SocketRelay relay = SocketRelay.open(settings).getOrElseThrow(r -> new IllegalStateException(r.toString()));
        MappedByteBuffer progress = args.containsKey("progress") ? map(Path.of(args.get("progress"))) : null;
        out.println("listening " + relay.port());
        out.flush();

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
                peakBuffered = Math.max(peakBuffered, relay.stats().bufferedBytes());
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
            Frame frame = SequencedTweets.frame(seq);
            if (progress != null) {
                progress.putLong(0, seq);  // attempting
            }
            long before = System.nanoTime();
            Delivery delivery = relay.publish(frame);
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

    private synchronized void report(String what, RelayStats stats) {
        StringBuilder line = new StringBuilder(what);
        try {
            for (RecordComponent component : RelayStats.class.getRecordComponents()) {
                line.append(' ').append(component.getName()).append('=')
                        .append(component.getAccessor().invoke(stats));
            }
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        line.append(" dropped=").append(stats.dropped());
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
