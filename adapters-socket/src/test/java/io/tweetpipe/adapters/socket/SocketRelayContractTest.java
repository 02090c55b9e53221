package io.tweetpipe.adapters.socket;

import io.tweetpipe.application.contract.FramePublisherContract;
import io.tweetpipe.application.port.out.FramePublisher;
import io.vavr.collection.Seq;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;

/** The publisher's contract against the real relay: port 0 on loopback, read through real sockets. */
class SocketRelayContractTest extends FramePublisherContract {

    private final List<SocketRelay> opened = new ArrayList<>();

    @Override
    protected FramePublisher publisher(int backlogFrames) {
        RelaySettings settings = RelaySettings.listeningOn("127.0.0.1", 0)
                .backlog(backlogFrames, RelaySettings.DEFAULT_BACKLOG_BYTES)
                .closeGrace(Duration.ofSeconds(2)).build();
        SocketRelay relay = SocketRelay.open(settings).getOrElseThrow(rejection ->
                new AssertionError(rejection.toString()));
        opened.add(relay);
        return relay;
    }

    @Override
    protected Reader connect(FramePublisher publisher) throws Exception {
        FrameReader reader = FrameReader.connect((SocketRelay) publisher);
        return new Reader() {
            @Override
            public Seq<String> read(int frames, Duration timeout) throws InterruptedException {
                return reader.read(frames, timeout);
            }

            @Override
            public void close() throws Exception {
                reader.close();
            }
        };
    }

    @AfterEach
    void closeRelays() {
        opened.forEach(SocketRelay::close);
    }
}
