package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the relay process is killed (SIGKILL) while tweets flow, and started again on the same port. The stream job
 * is not touched: it keeps running and its receiver reconnects by itself.
 */
class FaultRelayRestartTest {

    /** A reader's outbox small enough that the bound on what a kill loses is tight (the default is 8 MiB). */
    private static final int OUTBOX_BYTES = 256 * 1024;
    private static final int ATTEMPTS = 3;

    @Test
    void givenRelayKilledMidStream_restartOnSamePort_streamResumesLosingAtMostWhatTheRelayHeldAndDuplicatingNothing(
            @TempDir Path dir) throws Exception {
        // The new relay publishes as soon as it listens, and the receiver retries every 2 s: now and then it is
        // connected before the first frame, the backlog is never used, and the run proves less. Then run it again.
        FaultReport report = null;
        for (int attempt = 1; attempt <= ATTEMPTS && (report == null || report.fact("backloggedAfterRestart") == 0);
                attempt++) {
            Path attemptDir = Files.createDirectories(dir.resolve("attempt-" + attempt));
            report = new Faults(attemptDir).relayKill(5_000, Duration.ofSeconds(3), Duration.ofSeconds(3),
                    OUTBOX_BYTES);
            System.out.println("attempt " + attempt + ": " + report);
            assertNothingLostButTheKill(report);
        }
        FaultReport last = report;

        assertTrue(last.fact("backloggedAfterRestart") > 0,
                "precondition, in " + ATTEMPTS + " attempts: the new relay published while the reader was away: "
                        + last);
    }

    private static void assertNothingLostButTheKill(FaultReport report) {
        assertAll(
                () -> assertEquals(0, report.duplicated(), "at most once: " + report),
                () -> assertEquals(0, report.mangled(), "nothing changed or invented: " + report),
                () -> assertTrue(report.fact("lostAtKill") <= report.fact("killBound"),
                        "a kill loses at most what the relay held for its reader: " + report),
                () -> assertEquals(0, report.fact("lostAfterRestart"),
                        "the new relay's backlog covers the reconnection: " + report),
                () -> assertEquals(report.fact("lostAtKill"), report.lost(), "only the kill loses: " + report),
                () -> assertEquals(0, report.fact("uncaught"), "the relay did not crash: " + report));
    }
}
