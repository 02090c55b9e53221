package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.stream.LongStream;
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
                () -> assertEquals(report.sent(), report.fact("relayedLogged"),
                        "the relay's own closing count agrees with what the witness saw: " + report),
                () -> assertEquals(0, report.fact("witnessStrange"), "the relay sent only tweets: " + report),
                () -> assertEquals(1, report.fact("countable"), "every batch could be counted: " + report),
                () -> assertEquals(0, report.lost(), "everything relayed is printed before the exit: " + report),
                () -> assertEquals(0, report.fact("missingSinceWitness"), "each of them: " + report),
                () -> assertEquals(0, report.duplicated(), "once: " + report),
                () -> assertEquals(0, report.fact("outOfOrder"), "in order: " + report),
                () -> assertEquals(0, report.mangled(), "nothing changed or invented: " + report));
    }

    @Test
    void givenRelayModeMidStream_sigterm_flushesAndPrintsItsClosingCount(@TempDir Path dir) throws Exception {
        Path replay = dir.resolve("sequenced.jsonl");
        Files.write(replay, LongStream.range(0, 10_000).mapToObj(SequencedTweets::statusJson).toList());
        int port = Pipelines.freePort();
        try (ProductProcess relay = ProductProcess.start(List.of("relay", "--port", Integer.toString(port),
                "--replay-file", replay.toString(), "--rate", "200", "--once"), Map.of(), List.of())) {
            assertTrue(relay.awaitError(lines -> lines.stream().anyMatch(line -> line.contains("listening on")),
                    Faults.GUARD), relay::describe);
            try (FrameObserver reader = FrameObserver.connect(port)) {
                assertTrue(reader.awaitFrames(200, Faults.GUARD), "precondition: tweets flow");
                relay.terminate();
                int exit = relay.awaitExit(Faults.GUARD);
                assertTrue(reader.awaitEnd(Faults.GUARD), "the relay ends the stream as it closes");

                long relayed = relay.stderr().stream().map(Faults.RELAYED::matcher).filter(Matcher::matches)
                        .mapToLong(m -> Long.parseLong(m.group(1))).findFirst().orElse(-1);
                BitSet seen = reader.seen();
                assertAll(
                        () -> assertEquals(143, exit, relay::describe),
                        () -> assertEquals(seen.cardinality(), relayed,
                                () -> "every tweet relayed reached the reader, and the relay says how many: "
                                        + relay.describe()),
                        () -> assertEquals(seen.length(), seen.cardinality(), "from the first, without a gap"),
                        () -> assertEquals(0, reader.strange()));
            }
        }
    }
}
