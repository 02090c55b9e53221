package io.tweetpipe.bootstrap.faults;

import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.bootstrap.testing.CommandLines;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchTally;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;

/** The product's configuration from a command line, as a user would write it, and a stream job that counts. */
final class Pipelines {

    private Pipelines() {
    }

    static PipelineConfig config(String... args) {
        return CommandLines.config(args).toEither().getOrElseThrow(mistakes ->
                new AssertionError(String.join(" ", args) + ": " + mistakes.mkString("; ")));
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

        /** Every record of every batch is shown to the ledger, so each is checked. */
        static CountingStream start(int port, Duration batchInterval, String... options) {
            LedgerStream graph = DaggerLedgerStream.factory().create(streamConfig(port, batchInterval, options),
                    BatchTally.EVERYTHING);
            RunningStream running = graph.processTweetStream().start()
                    .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
            return new CountingStream(graph.ledger(), running);
        }

        /** The ledger is shown what the console is: each batch's count and first ten records. */
        static CountingStream sampled(int port, Duration batchInterval, String... options) {
            LedgerStream graph = DaggerLedgerStream.factory().create(streamConfig(port, batchInterval, options),
                    Batch.PRINTED);
            RunningStream running = graph.processTweetStream().start()
                    .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
            return new CountingStream(graph.ledger(), running);
        }

        /** The stream mode's command line, with more of its options ({@code --backpressure}, say). */
        private static PipelineConfig streamConfig(int port, Duration batchInterval, String... options) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("stream", "--port",
                    Integer.toString(port), "--batch-interval", batchInterval.toMillis() + "ms"));
            args.addAll(java.util.List.of(options));
            return config(args.toArray(String[]::new));
        }

        @Override
        public void close() {
            running.stop();
        }
    }
}
