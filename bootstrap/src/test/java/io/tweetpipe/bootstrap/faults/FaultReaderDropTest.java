package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: the stream job's connection to the relay is reset at the relay's end while tweets flow. The relay keeps
 * serving and keeps a backlog; the receiver reconnects by itself 2 s later.
 */
class FaultReaderDropTest {

    @Test
    void givenReadersConnectionCut_reconnect_getsEverythingPublishedMeanwhileAndLosesAtMostWhatWasInFlight(
            @TempDir Path dir) throws Exception {
        FaultReport report = new Faults(dir).receiverDrop(5_000, Duration.ofSeconds(3), Duration.ofSeconds(3));
        System.out.println(report);

        assertAll(
                () -> assertEquals(0, report.duplicated(), "at most once: " + report),
                () -> assertEquals(0, report.mangled(), "nothing changed or invented: " + report),
                () -> assertTrue(report.fact("backloggedWhileAway") > 0,
                        "precondition: frames were published while the reader was away: " + report),
                () -> assertEquals(0, report.fact("lostBackloggedWhileAway"),
                        "the backlog covers the gap: " + report),
                () -> assertTrue(report.lost() <= report.fact("cutBound"),
                        "a cut loses at most what was in flight: " + report),
                () -> assertEquals(1, report.fact("reconnections"), "the receiver reconnected once: " + report),
                () -> assertEquals(0, report.countedDrops(), "the backlog was not exceeded: " + report),
                () -> assertEquals(0, report.fact("uncaught"), "the relay did not crash: " + report));
    }
}
