package io.tweetpipe.bootstrap.di;

import io.tweetpipe.adapters.kafka.KafkaFramePublisher;
import io.tweetpipe.adapters.socket.SocketRelay;
import io.tweetpipe.application.port.out.FramePublisher;
import io.vavr.control.Option;

/**
 * Where the relay's frames go, as the launcher opens, reports and closes it: the relay's socket, or a Kafka topic.
 * Not a port: the relay's use case sees only the {@link FramePublisher}.
 */
public interface RelayOutlet extends AutoCloseable {

    FramePublisher publisher();

    /** Where frames go, for the opening line. */
    String where();

    /** What became of the frames, for the closing line. */
    String stats();

    /** The socket, when frames go to one: the dashboard shows its readers. */
    Option<SocketRelay> socket();

    /** Flushes what is pending, boundedly, and releases the transport. */
    @Override
    void close();

    /** The socket, named by the host it was asked to listen on. */
    static RelayOutlet of(SocketRelay relay, String host) {
        return new RelayOutlet() {
            @Override
            public FramePublisher publisher() {
                return relay;
            }

            @Override
            public String where() {
                return "listening on " + host + ":" + relay.port();
            }

            @Override
            public String stats() {
                return "socket: " + relay.stats();
            }

            @Override
            public Option<SocketRelay> socket() {
                return Option.some(relay);
            }

            @Override
            public void close() {
                relay.close();
            }
        };
    }

    static RelayOutlet of(KafkaFramePublisher kafka, String topic, String brokers) {
        return new RelayOutlet() {
            @Override
            public FramePublisher publisher() {
                return kafka;
            }

            @Override
            public String where() {
                return "publishing to Kafka topic " + topic + " at " + brokers;
            }

            @Override
            public String stats() {
                return "kafka: " + kafka.stats();
            }

            @Override
            public Option<SocketRelay> socket() {
                return Option.none();
            }

            @Override
            public void close() {
                kafka.close();
            }
        };
    }
}
