package io.tweetpipe.bootstrap.bench;

import io.tweetpipe.adapters.kafka.KafkaFramePublisher;
import io.tweetpipe.adapters.kafka.KafkaFramePublisher.KafkaRelayStats;
import io.tweetpipe.adapters.kafka.KafkaRelaySettings;
import io.tweetpipe.adapters.socket.RelaySettings;
import io.tweetpipe.adapters.socket.RelayStats;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.bootstrap.broker.EmbeddedKafka;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.framing.Wire;
import io.tweetpipe.domain.tweet.TweetId;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * The benchmark's relay process: the real relay, fed by a paced load generator that stamps each tweet with its send
 * time. The relay is the {@link SocketRelay} (one, or one per receiver), or the Kafka publisher onto a topic of an
 * embedded broker started here ({@link Feed}). It waits for its reader (a connection on every socket; the stream's
 * first batch committed on Kafka), then sends: through the
first half of the warm-up the rate climbs evenly from nothing to the asked rate, then holds it for the rest of the
 * warm-up and the measured window; then it keeps serving until told to close (a line {@code close} on standard input)
 * or until its parent goes away (standard input ends). The climb lets a job's JIT and Spark's rate estimate warm up
 * as they would under a stream that grows, rather than meet the full rate from a cold start, where any job sheds
 * (backpressure) or hoards (no backpressure) what it cannot yet take; the same for both jobs.
 *
 * <p>It reports on standard output, one fact a line, each line starting with {@code relay }: the ports (or the Kafka
 * broker), when sending and measuring began, progress every second (published, missed by a slow reader, dropped, how
 * far the generator lags behind its schedule), and the totals.
 *
 * <p>{@code LoadRelay <tweets/s> <warm-up s> <measured s> [socket:N:text|kafka:N:structured...] [reader wait s]}
 */
public final class LoadRelay {

    /** The Kafka topic and the consumer group the stream job is told to use. */
    static final String TOPIC = "tweets";
    static final String GROUP = "bench";

    private LoadRelay() {
    }

    public static void main(String[] args) throws Exception {
        double rate = Double.parseDouble(args[0]);
        double warmupSeconds = Double.parseDouble(args[1]);
        double measureSeconds = Double.parseDouble(args[2]);
        String[] feed = (args.length > 3 ? args[3] : "socket:1:text").split(":");
        long readerWaitSeconds = args.length > 4 ? Long.parseLong(args[4]) : 180;

        List<BenchTweets.Template> templates = BenchTweets.templates(Wire.valueOf(feed[2].toUpperCase(
                java.util.Locale.ROOT)));
        Outlet outlet = feed[0].equals("kafka") ? KafkaOutlet.open(Integer.parseInt(feed[1]))
                : SocketOutlet.open(Integer.parseInt(feed[1]));
        say("relay " + outlet.address());

        Thread sender = new Thread(() -> send(outlet, templates, rate, warmupSeconds, measureSeconds,
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
        Totals totals = outlet.totals();
        outlet.close();
        say("relay closed " + totals);
        System.exit(0);
    }

    private static void send(Outlet outlet, List<BenchTweets.Template> templates, double rate, double warmupSeconds,
                             double measureSeconds, long readerWaitSeconds) {
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(readerWaitSeconds);
        while (!outlet.readerConnected()) {
            if (Thread.currentThread().isInterrupted()) {
                return;
            }
            if (System.nanoTime() - waitUntil > 0) {
                say("relay error no reader connected within " + readerWaitSeconds + " s");
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(2));
        }
        int pool = templates.size();
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
                say("relay measuring " + System.currentTimeMillis() + " " + outlet.totals());
            }
            if (now - end >= 0) {
                break;
            }
            long due = due(now - start, rate, climbNanos);
            if (due > sent) {
                maxLagTweets = Math.max(maxLagTweets, due - sent);
                long stamp = System.currentTimeMillis();
                for (; sent < due; sent++) {
                    outlet.publish(sent, BenchTweets.stamped(stamp, sent, templates.get((int) (sent % pool))));
                }
            } else {
                LockSupport.parkNanos(200_000);
            }
            if (now - nextProgress >= 0) {
                nextProgress += TimeUnit.SECONDS.toNanos(1);
                say("relay progress " + outlet.totals() + " maxLagMs=" + lagMillis(maxLagTweets, rate));
            }
        }
        say("relay done " + System.currentTimeMillis() + " " + outlet.totals() + " maxLagMs="
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

    /** The relay's counters: published counts every frame offered, dropped those no reader could take. */
    private record Totals(long published, long misses, long dropped, long lost, long bytes) {
        @Override
        public String toString() {
            return "published=" + published + " misses=" + misses + " dropped=" + dropped + " lost=" + lost
                    + " bytes=" + bytes;
        }
    }

    /** Where the load goes: the relay's sockets, or Kafka. */
    private interface Outlet extends AutoCloseable {

        /** The line that tells the harness where to point the job, after {@code relay }. */
        String address();

        boolean readerConnected();

        void publish(long sequence, Frame frame);

        Totals totals();

        @Override
        void close();
    }

    /** One socket relay per receiver, each tweet to the next in turn. */
    private record SocketOutlet(List<SocketRelay> relays) implements Outlet {

        static SocketOutlet open(int count) {
            List<SocketRelay> relays = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                relays.add(SocketRelay.open(RelaySettings.listeningOn("127.0.0.1", 0).build()).getOrElseThrow(
                        rejection -> new IllegalStateException(rejection.toString())));
            }
            return new SocketOutlet(relays);
        }

        @Override
        public String address() {
            StringJoiner ports = new StringJoiner(",");
            relays.forEach(relay -> ports.add(Integer.toString(relay.port())));
            return "ports " + ports;
        }

        @Override
        public boolean readerConnected() {
            return relays.stream().allMatch(relay -> relay.clients() > 0);
        }

        @Override
        public void publish(long sequence, Frame frame) {
            relays.get((int) (sequence % relays.size())).publish(frame);
        }

        @Override
        public Totals totals() {
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

        @Override
        public void close() {
            relays.forEach(SocketRelay::close);
        }
    }

    /**
     * tweetpipe's Kafka publisher (the relay's, as {@code --transport kafka} runs it) onto a topic of a broker of its
     * own, keyed by the sequence as the relay keys by tweet id; its reader is there once the stream has committed a
     * batch's offsets for its group (it is assigned the partitions, so the group has no member to wait for).
     */
    private static final class KafkaOutlet implements Outlet {

        private final EmbeddedKafka broker;
        private final KafkaFramePublisher publisher;
        private final Admin admin;
        private long checkedAt;

        private KafkaOutlet(EmbeddedKafka broker, KafkaFramePublisher publisher, Admin admin) {
            this.broker = broker;
            this.publisher = publisher;
            this.admin = admin;
        }

        static KafkaOutlet open(int partitions) {
            EmbeddedKafka broker = EmbeddedKafka.start(TOPIC, partitions);
            return new KafkaOutlet(broker, KafkaFramePublisher.open(KafkaRelaySettings.of(broker.bootstrapServers(),
                    TOPIC)), Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                    broker.bootstrapServers())));
        }

        @Override
        public String address() {
            return "kafka " + broker.bootstrapServers();
        }

        @Override
        public boolean readerConnected() {
            long now = System.currentTimeMillis();
            if (now - checkedAt < 100) {
                return false;
            }
            checkedAt = now;
            try {
                return !admin.listConsumerGroupOffsets(GROUP).partitionsToOffsetAndMetadata().get(5, TimeUnit.SECONDS)
                        .isEmpty();
            } catch (Exception notYet) {
                return false;
            }
        }

        @Override
        public void publish(long sequence, Frame frame) {
            publisher.publish(frame, new TweetId(sequence + 1));
        }

        @Override
        public Totals totals() {
            KafkaRelayStats s = publisher.stats();
            return new Totals(s.accepted() + s.dropped(), 0, s.dropped(), s.lost(), 0);
        }

        @Override
        public void close() {
            admin.close();
            publisher.close();
            broker.close();
        }
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }
}
