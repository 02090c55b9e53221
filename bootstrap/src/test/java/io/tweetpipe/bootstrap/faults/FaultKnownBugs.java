package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KNOWN BUGS, outside the fault suite's own code: each test here FAILS until its bug is fixed. The class name does
 * not end in "Test", so {@code mvn verify} (CI) does not run it and stays green; {@code -Dtest='Fault*'} does. When a
 * test here passes, move it into the suite proper (as the four found first were, once fixed in 97240c4).
 */
class FaultKnownBugs {

    /**
     * BUG (adapters-spark receiver; defaults in bootstrap's command line): with no {@code --max-rate} and no
     * {@code --backpressure} (the defaults), a flood the job cannot process makes the stream process's memory grow
     * until it fails: the receiver reads the socket as fast as it can and Spark keeps every block it has not yet
     * processed. Measured on this 2-core machine, a flat-out relay offering about 800,000 tweets/s: a stream process
     * with a 2 GiB heap hit OutOfMemoryError after about 25 s; its receiver stopped, and the process stayed up,
     * reading nothing, printing empty batches (the relay, with no reader, filled its backlog and dropped the rest,
     * counted). With a 1 GiB heap it survived 40 s (Spark spills to disk sooner), falling 30 s behind. The
     * product's own default heap is a quarter of the machine's memory. Fix: backpressure on by default, or a default
     * {@code --max-rate} the machine can process, so that the excess waits in the socket and the relay drops it,
     * counted (what FaultFloodTest asserts with {@code --backpressure}).
     */
    @Test
    void givenFlatOutFloodAndTheDefaultStreamSettings_streamProcess_staysUpAndKeepsPrinting(@TempDir Path dir)
            throws Exception {
        int port = Pipelines.freePort();
        try (RelayProcess relay = RelayProcess.start(dir, "relay-flooding-the-product", Map.of("port", port,
                "rate", 0, "from", 0, "awaitClients", 1, "seconds", 40));
             ProductProcess stream = ProductProcess.start(List.of("stream", "--port", Integer.toString(port),
                     "--batch-interval", "500ms"), Map.of(), List.of("-Xmx2g"))) {
            relay.port(Faults.GUARD);
            Map<String, Long> published = relay.awaitPublished(Duration.ofSeconds(40).plus(Faults.GUARD));
            boolean alive = stream.awaitExit(Duration.ofSeconds(5)) == -1;
            assertAll(
                    () -> assertTrue(alive, "the stream process survived the flood: " + stream.describe()),
                    () -> assertEquals(1, published.get("clients"), "its receiver still reads the relay: "
                            + published),
                    () -> assertFalse(stream.stderr().stream().anyMatch(line -> line.contains("OutOfMemoryError")),
                            stream::describe),
                    () -> assertEquals(0, relay.uncaught().size()));
        }
    }
}
