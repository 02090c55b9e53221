package io.tweetpipe.adapters.socket;

import io.tweetpipe.application.port.out.FramePublisher.Delivery;
import io.tweetpipe.domain.framing.Frame;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * A rough figure, not a test: how many frames a second one publishing thread pushes through the relay to one reader
 * that only counts bytes. The publisher is not paced, so it outruns the socket and the reader misses frames: the
 * figure to read is the bytes delivered per second. After {@code mvn -o -q -pl adapters-socket test-compile}:
 * {@code java -cp <test classes, classes, test classpath> io.tweetpipe.adapters.socket.RelayThroughput [frames]
 * [bodyChars]}.
 */
public final class RelayThroughput {

    private RelayThroughput() {
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 5_000_000;
        int bodyChars = args.length > 1 ? Integer.parseInt(args[1]) : 140;
        Frame[] pool = new Frame[1024];
        for (int i = 0; i < pool.length; i++) {
            String body = ("tweet " + i + " about covid #news @someone https://t.co/x ").repeat(bodyChars / 40 + 1);
            pool[i] = Frame.of(body.substring(0, Math.min(body.length(), bodyChars))).get();
        }
        for (int round = 0; round < 3; round++) {
            try (SocketRelay relay = SocketRelay.open(RelaySettings.listeningOn("127.0.0.1", 0)
                    .closeGrace(Duration.ofSeconds(30)).build()).get();
                 Socket reader = new Socket(InetAddress.getLoopbackAddress(), relay.port())) {
                while (relay.clients() == 0) {
                    Thread.sleep(1);
                }
                LongAdder bytesRead = new LongAdder();
                Thread counting = new Thread(() -> {
                    byte[] buffer = new byte[256 * 1024];
                    try (InputStream in = reader.getInputStream()) {
                        int read;
                        while ((read = in.read(buffer)) >= 0) {
                            bytesRead.add(read);
                        }
                    } catch (Exception e) {
                        // the relay closed
                    }
                });
                counting.start();
                long start = System.nanoTime();
                long sent = 0;
                for (int i = 0; i < frames; i++) {
                    if (relay.publish(pool[i & (pool.length - 1)]) == Delivery.SENT) {
                        sent++;
                    }
                }
                long published = System.nanoTime();
                RelayStats before = relay.stats();
                relay.close();
                counting.join();
                long done = System.nanoTime();
                System.out.printf("round %d: %,d frames of %d chars: publish %,.0f frames/s; delivered %,.0f frames/s"
                                + " (%,.0f MB/s); sent %,d, missed %,d, bytes read %,d%n", round, frames, bodyChars,
                        frames / ((published - start) / 1e9), sent / ((done - start) / 1e9),
                        bytesRead.sum() / ((done - start) / 1e9) / 1e6, sent, before.clientMisses(),
                        bytesRead.sum());
            }
        }
    }
}
