package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fault: SIGTERM to the product ({@code tweetpipe demo} in a process of its own) while it replays sequenced tweets.
 * Everything the relay accepted is printed before the process exits, once, in order.
 */
class FaultSigtermTest {

    @Test
    void givenDemoMidStream_sigterm_printsEverythingRelayedBeforeExiting(@TempDir Path dir) throws Exception {
        FaultReport report = new Faults(dir).sigterm(20, Duration.ofSeconds(4), Duration.ofMillis(200));
        System.out.println(report);

        assertAll(
                () -> assertEquals(143, report.fact("exitCode"), "killed by SIGTERM (128 + 15), after a clean stop: "
                        + report),
                () -> assertTrue(report.fact("witnessFirst") >= 0, "precondition: the witness saw the stream: "
                        + report),
                () -> assertEquals(0, report.fact("witnessStrange"), "the relay sent only tweets: " + report),
                () -> assertEquals(1, report.fact("countable"), "every batch could be counted: " + report),
                () -> assertEquals(0, report.lost(), "everything relayed is printed before the exit: " + report),
                () -> assertEquals(0, report.fact("missingSinceWitness"), "each of them: " + report),
                () -> assertEquals(0, report.duplicated(), "once: " + report),
                () -> assertEquals(0, report.fact("outOfOrder"), "in order: " + report),
                () -> assertEquals(0, report.mangled(), "nothing changed or invented: " + report));
    }
}
