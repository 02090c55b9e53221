package io.tweetpipe.bootstrap.bench;

import io.tweetpipe.adapters.socket.RelaySettings;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.Wire;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * The relay alone against the loopback limit: how many of the benchmark's tweets a second one reader receives from
 * the real {@link SocketRelay}, and from a plain writer that pushes the same framed bytes, already encoded, down a
 * loopback socket in 64 KiB writes. Both readers do the same work: read into a 256 KiB buffer and count newlines
 * (one per tweet). Rounds alternate; the medians are printed.
 *
 * <p>The relay's publisher is the only thread that publishes, unpaced; it yields while the reader's buffer is more
 * than half full, so that the figure is what the relay delivers, not what it drops.
 *
 * <p>A third pair tells encoding from relaying: a plain writer that encodes each tweet ({@code Frame.bytes()}, as
 * the relay must) into a 64 KiB buffered stream.
 *
 * <p>{@code RelayAlone [seconds per round] [rounds]}; prints {@code alone relay <tweets/s> <MB/s> <misses>},
 * {@code alone loopback <tweets/s> <MB/s>} and {@code alone encoding <tweets/s> <MB/s>}.
 */
public final class RelayAlone {

    private RelayAlone() {
    }

    /** What one reader received in its window. */
    private record Received(long tweets, long bytes, long nanos) {
        double tweetsPerSecond() {
            return tweets / (nanos / 1e9);
        }

        double megabytesPerSecond() {
            return bytes / (nanos / 1e9) / 1e6;
        }
    }

    public static void main(String[] args) throws Exception {
        double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 5;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<BenchTweets.Template> bodies = BenchTweets.templates(Wire.TEXT);
        Frame[] frames = new Frame[bodies.size()];
        long stamp = System.currentTimeMillis();
        for (int i = 0; i < frames.length; i++) {
            frames[i] = BenchTweets.stamped(stamp, 1_000_000L + i, bodies.get(i));
        }
        byte[] encoded = encodeAll(frames);
        List<Received> relay = new ArrayList<>();
        List<Received> loopback = new ArrayList<>();
        List<Received> encoding = new ArrayList<>();
        long misses = 0;
        for (int round = 0; round < rounds; round++) {
            loopback.add(loopback(seconds, out -> {
                int at = 0;
                while (true) {
                    int length = Math.min(64 * 1024, encoded.length - at);
                    out.write(encoded, at, length);
                    at = (at + length) % encoded.length;
                }
            }));
            long[] missed = new long[1];
            relay.add(relay(frames, seconds, missed));
            misses += missed[0];
            encoding.add(loopback(seconds, out -> {
                java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 64 * 1024);
                for (int i = 0; ; i++) {
                    buffered.write(frames[i & (frames.length - 1)].bytes());
                }
            }));
        }
        Received r = median(relay);
        Received l = median(loopback);
        Received e = median(encoding);
        System.out.printf("alone relay %.0f %.1f %d%n", r.tweetsPerSecond(), r.megabytesPerSecond(), misses);
        System.out.printf("alone loopback %.0f %.1f%n", l.tweetsPerSecond(), l.megabytesPerSecond());
        System.out.printf("alone encoding %.0f %.1f%n", e.tweetsPerSecond(), e.megabytesPerSecond());
        System.out.flush();
    }

    private static Received median(List<Received> rounds) {
        Received[] sorted = rounds.toArray(new Received[0]);
        Arrays.sort(sorted, (a, b) -> Double.compare(a.tweetsPerSecond(), b.tweetsPerSecond()));
        return sorted[sorted.length / 2];
    }

    /** What a plain writer does with its socket until the reader hangs up (the write then fails). */
    @FunctionalInterface
    private interface Writing {
        void writeUntilFailure(OutputStream out) throws IOException;
    }

    private static byte[] encodeAll(Frame[] frames) throws IOException {
        java.io.ByteArrayOutputStream all = new java.io.ByteArrayOutputStream();
        for (Frame frame : frames) {
            all.write(frame.bytes());
        }
        return all.toByteArray();
    }

    /** A plain writer and reader over a loopback socket; the writer writes until the reader has its figure. */
    private static Received loopback(double seconds, Writing writing) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread writer = new Thread(() -> {
                try (Socket socket = server.accept(); OutputStream out = socket.getOutputStream()) {
                    writing.writeUntilFailure(out);
                } catch (IOException e) {
                    // the reader hung up: done
                }
            }, "loopback-writer");
            writer.start();
            try (Socket reader = new Socket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                return read(reader.getInputStream(), seconds, done);
            } finally {
                writer.join(TimeUnit.SECONDS.toMillis(5));
            }
        }
    }

    private static Received relay(Frame[] frames, double seconds, long[] missed) throws Exception {
        AtomicBoolean done = new AtomicBoolean();
        RelaySettings settings = RelaySettings.listeningOn("127.0.0.1", 0).build();
        long halfBuffer = settings.clientBufferBytes() / 2;
        SocketRelay relay = SocketRelay.open(settings).get();
        try (Socket reader = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
            while (relay.clients() == 0) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
            Thread publisher = new Thread(() -> {
                int i = 0;
                while (!done.get()) {
                    relay.publish(frames[i++ & (frames.length - 1)]);
                    // Waits, not merely slows down, while the buffer is over half full: a publisher that kept on
                    // would fill it and spend a processor on frames the relay drops, which the reader needs.
                    while ((i & 1023) == 0 && !done.get() && relay.stats().bufferedBytes() > halfBuffer) {
                        LockSupport.parkNanos(50_000);
                    }
                }
            }, "relay-publisher");
            publisher.start();
            Received received = read(reader.getInputStream(), seconds, done);
            publisher.join(TimeUnit.SECONDS.toMillis(5));
            missed[0] = relay.stats().clientMisses();
            return received;
        } finally {
            done.set(true);
            relay.close();
        }
    }

    /** Reads and counts for {@code seconds} from the first byte, then sets {@code done} and returns. */
    private static Received read(InputStream in, double seconds, AtomicBoolean done) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        long tweets = 0;
        long bytes = 0;
        long start = 0;
        long window = (long) (seconds * 1e9);
        try {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                long now = System.nanoTime();
                if (start == 0) {
                    start = now;
                }
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        tweets++;
                    }
                }
                bytes += read;
                if (now - start >= window) {
                    return new Received(tweets, bytes, now - start);
                }
            }
            return new Received(tweets, bytes, Math.max(1, System.nanoTime() - start));
        } finally {
            done.set(true);
        }
    }
}
