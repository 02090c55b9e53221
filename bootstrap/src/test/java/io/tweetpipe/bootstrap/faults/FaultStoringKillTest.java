package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.jdbc.PostgresServer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream job killed (SIGKILL) while it stores every record in files and in a real PostgreSQL server, and
 * restarted with the same {@code --checkpoint}: the batches the checkpoint held as pending run again, and every store
 * still holds each record that any batch processed exactly once (the killed job's and the restarted job's, counted
 * from sequence numbers), and nothing else. What the kill loses (the block being filled, the socket's buffers) is
 * the checkpoint row's, counted, not asserted here.
 */
class FaultStoringKillTest {

    @TempDir
    Path dir;

    @Test
    void givenTheJobKilledWhileStoring_aRestartOnItsCheckpoint_leavesEachProcessedRecordStoredOnce() throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            FaultReport report = new DriverRecovery(dir).storingKill(2_000, Duration.ofSeconds(6),
                    Duration.ofSeconds(6), postgres.url(), PostgresServer.USER);
            System.out.println(report);

            for (String store : List.of("postgres", "files")) {
                assertTrue(report.fact(store + "Rows") > 0, report::toString);
                assertEquals(0, report.fact(store + "Duplicated"), () -> store + ": " + report);
                assertEquals(0, report.fact(store + "Missing"), () -> store + ": " + report);
                assertEquals(0, report.fact(store + "Unprinted"), () -> store + ": " + report);
                assertEquals(0, report.fact(store + "Mangled"), () -> store + ": " + report);
            }
            assertEquals(0, report.mangled(), report::toString);
        }
    }
}
