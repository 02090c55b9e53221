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
 * Fault: a flood against the product's stream process as a user starts it, with no rate option at all. Backpressure
 * is on by default, so the receiver reads what the batches process; the rest waits in the socket, and the relay,
 * which never blocks, drops what a full outbox cannot hold, counted.
 *
 * <p>Before backpressure was the default (issue #5), this flood, measured on a 2-core machine with the relay
 * offering about 800,000 tweets/s, ran a 2 GiB stream process out of memory after about 25 s: its receiver stopped
 * and the process stayed up, reading nothing. With {@code --no-backpressure} it still can.
 */
class FaultFloodDefaultsTest {

    private static final Duration FLOOD = Duration.ofSeconds(40);

    @Test
    void givenFlatOutFloodAndTheDefaultStreamSettings_streamProcess_staysUpAndKeepsReading(@TempDir Path dir)
            throws Exception {
        int port = Pipelines.freePort();
        try (RelayProcess relay = RelayProcess.start(dir, "relay-flooding-the-product", Map.of("port", port,
                "rate", 0, "from", 0, "awaitClients", 1, "seconds", FLOOD.toSeconds()));
             ProductProcess stream = ProductProcess.start(List.of("stream", "--port", Integer.toString(port),
                     "--batch-interval", "500ms"), Map.of(), List.of("-Xmx2g"))) {
            relay.port(Faults.GUARD);
            Map<String, Long> published = relay.awaitPublished(FLOOD.plus(Faults.GUARD));
            boolean alive = stream.awaitExit(Duration.ofSeconds(5)) == -1;
            assertAll(
                    () -> assertTrue(alive, "the stream process survived the flood: " + stream.describe()),
                    () -> assertEquals(1, published.get("clients"), "its receiver still reads the relay: "
                            + published),
                    () -> assertFalse(stream.stderr().stream().anyMatch(line -> line.contains("OutOfMemoryError")),
                            stream::describe),
                    () -> assertTrue(published.get("dropped") > 0, "precondition: a flood, more than the job "
                            + "takes: " + published),
                    () -> assertEquals(published.get("publisherDropped"), published.get("dropped"),
                            "each DROPPED is counted once: " + published),
                    () -> assertEquals(published.get("published"), published.get("sent")
                            + published.get("backlogged") + published.get("dropped"),
                            "every frame sent, kept or counted as dropped: " + published),
                    () -> assertEquals(0, relay.uncaught().size()));
        }
    }
}
