package io.tweetpipe.bootstrap.faults;

import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.bootstrap.cli.CommandLine;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/** The product's configuration from a command line, as a user would write it, and a stream job that counts. */
final class Pipelines {

    private Pipelines() {
    }

    static PipelineConfig config(String... args) {
        var parsed = CommandLine.parse(args);
        if (parsed.isLeft()) {
            throw new AssertionError(String.join(" ", args) + ": " + parsed.getLeft());
        }
        var config = PipelineConfig.from(((CommandLine.Run) parsed.get()).options());
        if (config.isInvalid()) {
            throw new AssertionError(String.join(" ", args) + ": " + config.getError().mkString("; "));
        }
        return config.get();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** The stream process's graph on local[2], reading the relay on {@code port}, counting into a {@link Ledger}. */
    static final class CountingStream implements AutoCloseable {
        final Ledger ledger;
        final RunningStream running;

        private CountingStream(Ledger ledger, RunningStream running) {
            this.ledger = ledger;
            this.running = running;
        }

        static CountingStream start(int port, Duration batchInterval) {
            LedgerStream graph = DaggerLedgerStream.factory().create(config("stream", "--port",
                    Integer.toString(port), "--batch-interval", batchInterval.toMillis() + "ms"));
            RunningStream running = graph.processTweetStream().start()
                    .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
            return new CountingStream(graph.ledger(), running);
        }

        @Override
        public void close() {
            running.stop();
        }
    }
}
