package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Exactly once, end to end, over Kafka: the stream job is killed (SIGKILL) while it stores every record in files and
 * in SQLite, and restarted on the same {@code --checkpoint}. Every tweet the relay published is stored exactly once in
 * each store: none lost (the topic keeps what the dead job had not processed, and the checkpoint says where it had
 * got to), none duplicated (the batches run again store the same records under the same keys).
 */
class FaultKafkaStreamKillTest {

    @Test
    void givenTheJobKilledWhileStoring_aRestartOnItsCheckpoint_storesEveryPublishedTweetExactlyOnce(@TempDir Path dir)
            throws Exception {
        FaultReport report = new KafkaFaults(dir).streamJobKill(1_000, Duration.ofSeconds(3), Duration.ofSeconds(3));
        System.out.println(report);

        assertAll(
                () -> assertTrue(report.sent() > 0 && report.fact("printedByKilledJob") > 0,
                        "precondition: the killed job had processed tweets: " + report),
                () -> assertEquals(0, report.fact("relayLost"), "precondition: the broker took all: " + report),
                () -> assertEquals(0, report.countedDrops(), "precondition: the relay dropped nothing: " + report));
        for (String store : new String[] {"files", "sqlite"}) {
            assertAll(store,
                    () -> assertEquals(report.sent(), report.fact(store + "Rows"), "a row per tweet: " + report),
                    () -> assertEquals(0, report.fact(store + "Lost"), "nothing lost: " + report),
                    () -> assertEquals(0, report.fact(store + "Duplicated"), "nothing duplicated: " + report),
                    () -> assertEquals(0, report.fact(store + "Unpublished"), "nothing invented: " + report),
                    () -> assertEquals(0, report.fact(store + "Mangled"), "nothing changed: " + report));
        }
        assertEquals(0, report.fact("uncaught"), report::toString);
    }
}
