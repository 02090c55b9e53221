package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the relay process is killed (SIGKILL) while it publishes to Kafka, and started again. What the broker had
 * acknowledged stays in the topic and reaches the stream; the kill loses at most what the producer held unacknowledged
 * (lingering or in flight). The stream is not touched, and nothing is duplicated.
 */
class FaultKafkaRelayKillTest {

    @Test
    void givenTheRelayKilledMidStream_restart_losesAtMostWhatItsProducerHeldAndDuplicatesNothing(@TempDir Path dir)
            throws Exception {
        FaultReport report = new KafkaFaults(dir).relayKill(2_000, Duration.ofSeconds(3), Duration.ofSeconds(3));
        System.out.println(report);

        assertAll(
                () -> assertTrue(report.fact("lostAtKill") <= report.fact("unacknowledgedAtKill"),
                        "a kill loses at most what the broker had not acknowledged: " + report),
                () -> assertEquals(0, report.fact("lostAfterRestart"), "the new relay loses nothing: " + report),
                () -> assertEquals(0, report.duplicated(), "nothing duplicated: " + report),
                () -> assertEquals(0, report.mangled(), "nothing changed or invented: " + report),
                () -> assertEquals(0, report.fact("uncaught"), "the new relay did not crash: " + report));
    }
}
