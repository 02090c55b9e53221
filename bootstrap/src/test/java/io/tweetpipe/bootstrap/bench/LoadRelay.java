package io.tweetpipe.bootstrap.bench;

import io.tweetpipe.adapters.socket.RelaySettings;
import io.tweetpipe.adapters.socket.RelayStats;
import io.tweetpipe.adapters.socket.SocketRelay;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The benchmark's relay process: the real {@link SocketRelay} (one, or one per receiver), fed by a paced load
 * generator that stamps each tweet with its send time. It waits for a reader on every relay, then sends: through the
 * first half of the warm-up the rate climbs evenly from nothing to the asked rate, then holds it for the rest of the
 * warm-up and the measured window; then it keeps serving until told to close (a line {@code close} on standard input)
 * or until its parent goes away (standard input ends). The climb lets a job's JIT and Spark's rate estimate warm up
 * as they would under a stream that grows, rather than meet the full rate from a cold start, where any job sheds
 * (backpressure) or hoards (no backpressure) what it cannot yet take; the same for both jobs.
 *
 * <p>It reports on standard output, one fact a line, each line starting with {@code relay }: the ports, when sending
 * and measuring began, progress every second (published, missed by a slow reader, dropped, how far the generator
 * lags behind its schedule), and the totals.
 *
 * <p>{@code LoadRelay <tweets/s> <warm-up s> <measured s> [relays] [reader wait s]}
 */
public final class LoadRelay {

    private LoadRelay() {
    }

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(args[0]);
        double warmupSeconds = Double.parseDouble(args[1]);
        double measureSeconds = Double.parseDouble(args[2]);
        int relayCount = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        long readerWaitSeconds = args.length > 4 ? Long.parseLong(args[4]) : 180;

        List<String> bodies = BenchTweets.framedBodies();
        List<SocketRelay> relays = new ArrayList<>();
        for (int i = 0; i < relayCount; i++) {
            relays.add(SocketRelay.open(RelaySettings.listeningOn("127.0.0.1", 0).build()).getOrElseThrow(
                    rejection -> new IllegalStateException(rejection.toString())));
        }
        StringJoiner ports = new StringJoiner(",");
        relays.forEach(relay -> ports.add(Integer.toString(relay.port())));
        say("relay ports " + ports);

        Thread sender = new Thread(() -> send(relays, bodies, rate, warmupSeconds, measureSeconds,
                readerWaitSeconds), "bench-load");
        sender.setDaemon(true);
        sender.start();

        // Standard input: "close" ends the run; its end (the parent went away) too.
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.strip().equals("close")) {
                    break;
                }
            }
        }
        sender.interrupt();
        sender.join(TimeUnit.SECONDS.toMillis(5));
        for (SocketRelay relay : relays) {
            relay.close();
        }
        say("relay closed " + total(relays));
        System.exit(0);
    }

    private static void send(List<SocketRelay> relays, List<String> bodies, double rate, double warmupSeconds,
                             double measureSeconds, long readerWaitSeconds) {
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(readerWaitSeconds);
        while (relays.stream().anyMatch(relay -> relay.clients() == 0)) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (System.nanoTime() - waitUntil > 0) {
                say("relay error no reader connected within " + readerWaitSeconds + " s");
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        int relayCount = relays.size();
        int pool = bodies.size();
        long start = System.nanoTime();
        double climbNanos = warmupSeconds * 1e9 / 2;
        long warmupEnd = start + (long) (warmupSeconds * 1e9);
        long end = warmupEnd + (long) (measureSeconds * 1e9);
        long nextProgress = start + TimeUnit.SECONDS.toNanos(1);
        say("relay sending " + System.currentTimeMillis());
        boolean measuring = false;
        long sent = 0;
        long maxLagTweets = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long now = System.nanoTime();
            if (!measuring && now - warmupEnd >= 0) {
                measuring = true;
                say("relay measuring " + System.currentTimeMillis() + " " + total(relays));
            }
            if (now - end >= 0) {
                break;
            }
            long due = due(now - start, rate, climbNanos);
            if (due > sent) {
                maxLagTweets = Math.max(maxLagTweets, due - sent);
                long stamp = System.currentTimeMillis();
                for (; sent < due; sent++) {
                    relays.get((int) (sent % relayCount)).publish(
                            BenchTweets.stamped(stamp, sent, bodies.get((int) (sent % pool))));
                }
            } else {
                LockSupport.parkNanos(200_000);
            }
            if (now - nextProgress >= 0) {
                nextProgress += TimeUnit.SECONDS.toNanos(1);
                say("relay progress " + total(relays) + " maxLagMs=" + lagMillis(maxLagTweets, rate));
            }
        }
        say("relay done " + System.currentTimeMillis() + " " + total(relays) + " maxLagMs="
                + lagMillis(maxLagTweets, rate));
    }

    /** How many tweets are due {@code elapsed} ns after the start: the rate climbs evenly, then holds. */
    static long due(long elapsedNanos, double rate, double climbNanos) {
        double t = elapsedNanos;
        double tweets = t < climbNanos ? rate * t * t / (2 * climbNanos) : rate * (t - climbNanos / 2);
        return (long) (tweets / 1e9);
    }

    private static long lagMillis(long tweets, double rate) {
        return rate <= 0 ? 0 : (long) (tweets * 1000 / rate);
    }

    /** The relays' counters, summed. */
    private record Totals(long published, long misses, long dropped, long lost, long bytes) {
        @Override
        public String toString() {
            return "published=" + published + " misses=" + misses + " dropped=" + dropped + " lost=" + lost
                    + " bytes=" + bytes;
        }
    }

    private static Totals total(List<SocketRelay> relays) {
        long published = 0;
        long dropped = 0;
        long misses = 0;
        long lost = 0;
        long bytes = 0;
        for (SocketRelay relay : relays) {
            RelayStats s = relay.stats();
            published += s.published();
            dropped += s.dropped();
            misses += s.clientMisses();
            lost += s.lostOnDisconnect();
            bytes += s.bytesWritten();
        }
        return new Totals(published, misses, dropped, lost, bytes);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
