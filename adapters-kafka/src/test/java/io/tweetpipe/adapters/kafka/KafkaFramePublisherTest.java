package io.tweetpipe.adapters.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.application.port.out.FramePublisher.Delivery;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.tweet.TweetId;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.net.ServerSocket;
import java.text.MessageFormat;
import java.time.Duration;
import java.util.ResourceBundle;
import org.junit.jupiter.api.Test;

class KafkaFramePublisherTest {

    @Test
    void givenUnreachableBroker_publish_dropsWithoutBlockingCountsAndSaysSoOnce() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CapturingLogger log = new CapturingLogger();
        KafkaRelaySettings settings = new KafkaRelaySettings("127.0.0.1:" + closedPort, "tweets", 64 * 1024,
                Duration.ofMillis(5));
        try (KafkaFramePublisher publisher = KafkaFramePublisher.open(settings, log, Duration.ZERO)) {
            Seq<Delivery> outcomes = List.rangeClosed(1, 5)
                    .map(i -> publisher.publish(Frame.of("tweet " + i).get(), new TweetId(i)));

            assertEquals(List.fill(5, Delivery.DROPPED), outcomes);
            assertEquals(new KafkaFramePublisher.KafkaRelayStats(0, 0, 5, 0), publisher.stats());
            assertEquals(1, log.warnings().count(line -> line.contains("dropped and counted")),
                    log.warnings().mkString("\n"));
        }
    }

    /** Keeps the warnings it is told. */
    private static final class CapturingLogger implements System.Logger {
        private List<String> warnings = List.empty();

        synchronized List<String> warnings() {
            return warnings;
        }

        @Override
        public String getName() {
            return "capturing";
        }

        @Override
        public boolean isLoggable(Level level) {
            return true;
        }

        @Override
        public synchronized void log(Level level, ResourceBundle bundle, String message, Throwable thrown) {
            if (level == Level.WARNING) {
                warnings = warnings.append(message);
            }
        }

        @Override
        public synchronized void log(Level level, ResourceBundle bundle, String format, Object... params) {
            log(level, bundle, params == null ? format : MessageFormat.format(format, params), (Throwable) null);
        }
    }
}
