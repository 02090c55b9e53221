package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: a flood, the relay's source publishing as fast as it can. The stream job, with {@code --backpressure} (the
 * default, said here all the same), reads what it can process; the rest waits in the socket and the relay sheds it
 * by dropping new frames for a full outbox, counted, so every frame is either received once or counted. (With
 * {@code --no-backpressure} and no rate cap the job's memory grows instead: see FaultFloodDefaultsTest.)
 */
class FaultFloodTest {

    @Test
    void givenFlood_everyFrame_isReceivedOnceOrCountedAsDropped(@TempDir Path dir) throws Exception {
        FaultReport report = new Faults(dir).flood(Duration.ofSeconds(12), "--backpressure");
        System.out.println(report);

        assertAll(
                () -> assertEquals(report.fact("attempted"), report.received() + report.countedDrops(),
                        "published = received + counted drops, exactly: " + report),
                () -> assertEquals(0, report.lost(), "nothing the relay accepted is lost: " + report),
                () -> assertEquals(0, report.duplicated(), "at most once: " + report),
                () -> assertEquals(0, report.mangled(), "nothing changed or invented: " + report),
                () -> assertEquals(report.fact("published"), report.fact("relaySent") + report.fact("relayDropped"),
                        "the relay's own books balance: " + report),
                () -> assertEquals(report.fact("publisherDropped"), report.fact("relayDropped"),
                        "each DROPPED is counted once: " + report),
                () -> assertTrue(report.received() > 0, "the stream job kept reading: " + report),
                () -> assertTrue(report.countedDrops() > 0, "precondition: a flood, more than the job takes: "
                        + report),
                () -> assertEquals(0, report.fact("uncaught"), "the relay did not crash: " + report));
    }
}
