package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the Kafka broker stops mid-stream and starts again on the same port and data. The relay's idempotent
 * producer holds what the broker cannot take and retries; the stream waits for the broker and reads on from its
 * offsets. Nothing the relay published is lost or duplicated.
 */
class FaultKafkaBrokerRestartTest {

    @Test
    void givenTheBrokerRestartedMidStream_relayAndStreamCarryOn_losingAndDuplicatingNothing(@TempDir Path dir)
            throws Exception {
        FaultReport report = new KafkaFaults(dir).brokerRestart(2_000, Duration.ofSeconds(3), Duration.ofSeconds(3),
                Duration.ofSeconds(3));
        System.out.println(report);

        assertAll(
                () -> assertTrue(report.fact("publishedWhileDown") > 0,
                        "precondition: the relay published while the broker was down: " + report),
                () -> assertEquals(0, report.lost(), "nothing lost: " + report),
                () -> assertEquals(0, report.fact("lostPublishedWhileDown"), "the producer kept it: " + report),
                () -> assertEquals(0, report.duplicated(), "the idempotent producer's retries: " + report),
                () -> assertEquals(0, report.mangled(), "nothing changed or invented: " + report),
                () -> assertEquals(0, report.fact("uncaught"), "the relay did not crash: " + report));
    }
}
