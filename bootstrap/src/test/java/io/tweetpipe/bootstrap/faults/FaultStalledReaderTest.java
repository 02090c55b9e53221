package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: a second reader connects and stops reading while tweets keep coming. The relay's memory for it is capped,
 * its source never waits for it, what it misses is counted, it is hung up on after the stall timeout, and the
 * healthy stream job gets everything.
 */
class FaultStalledReaderTest {

    private static final int OUTBOX_BYTES = 1 << 20;
    private static final Duration STALL_TIMEOUT = Duration.ofSeconds(2);

    @Test
    void givenReaderThatStopsReading_publishing_neverBlocksKeepsMemoryBoundedCountsItsMissesAndServesTheStreamJob(
            @TempDir Path dir) throws Exception {
        FaultReport report = new Faults(dir).stalledReader(20_000, Duration.ofSeconds(6), OUTBOX_BYTES,
                STALL_TIMEOUT);
        System.out.println(report);

        assertAll(
                () -> assertEquals(0, report.lost(), "the healthy stream job gets everything: " + report),
                () -> assertEquals(0, report.duplicated(), "at most once: " + report),
                () -> assertEquals(0, report.mangled(), "nothing changed or invented: " + report),
                () -> assertEquals(0, report.countedDrops(), "every frame reached the healthy reader: " + report),
                () -> assertTrue(report.fact("stalledMisses") > 0, "the stalled reader's misses are counted: "
                        + report),
                () -> assertEquals(1, report.fact("clientsStalled"), "hung up on after the stall timeout, and only "
                        + "it: " + report),
                // Two readers' outboxes and no backlog (both were connected before the first frame).
                () -> assertTrue(report.peakBufferedBytes() <= 2L * OUTBOX_BYTES, "memory bounded: " + report),
                () -> assertTrue(report.peakBufferedBytes() >= OUTBOX_BYTES - 4096,
                        "precondition: the stalled reader's outbox did fill up: " + report),
                // A guard, not a timing: a publish that waited on the stalled socket would wait until the stall
                // timeout hung it up.
                () -> assertTrue(report.fact("maxPublishNanos") < STALL_TIMEOUT.toNanos() / 2,
                        "publish never waits for a reader: " + report),
                () -> assertEquals(0, report.fact("uncaught"), "the relay did not crash: " + report));
    }
}
