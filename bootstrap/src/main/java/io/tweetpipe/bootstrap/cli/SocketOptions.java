package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.adapters.socket.RelaySettings;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.FrameCap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Try;
import io.vavr.control.Validation;
import java.net.InetAddress;
import picocli.CommandLine;

/** The relay's socket: where the relay listens and the stream reads (every mode). */
final class SocketOptions {

    static final String HEADING = "%nRelay socket:%n";

    @CommandLine.Option(names = "--host", paramLabel = "HOST", defaultValue = "${env:TWEETPIPE_HOST:-127.0.0.1}",
            description = "address the relay listens on and the stream reads (default: ${DEFAULT-VALUE}; "
                    + "environment: TWEETPIPE_HOST)")
    String host;
    @CommandLine.Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:TWEETPIPE_PORT:-5555}",
            description = "TCP port; 0, any free one, for the relay alone (default: ${DEFAULT-VALUE}; "
                    + "environment: TWEETPIPE_PORT)")
    int port;
    @CommandLine.Option(names = "--expose",
            description = "allow a --host that is not loopback (anyone who can reach it reads the stream)")
    boolean expose;
    @CommandLine.Option(names = "--max-frame-bytes", paramLabel = "N", defaultValue = "" + FrameCap.DEFAULT,
            description = "longest record accepted on the socket, " + FrameCap.SMALLEST + " to " + FrameCap.LARGEST
                    + " (default: ${DEFAULT-VALUE})")
    int maxFrameBytes;

    /** Where the relay listens, once a host beyond this machine is asked for knowingly. */
    Validation<Seq<Rejection>, RelaySettings> relay() {
        Validation<Seq<Rejection>, RelaySettings> relay = RelaySettings.listeningOn(host, port)
                .maxFrameBytes(maxFrameBytes).validate();
        if (expose || Try.of(() -> InetAddress.getByName(host).isLoopbackAddress()).getOrElse(false)) {
            return relay;
        }
        return Validation.invalid(List.of(Rejection.of("--host", host + " is not a loopback address: add --expose to "
                + "serve tweets beyond this machine")).appendAll(relay.isInvalid() ? relay.getError() : List.empty()));
    }
}
