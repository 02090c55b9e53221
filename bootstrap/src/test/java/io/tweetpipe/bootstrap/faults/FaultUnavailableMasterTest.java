package io.tweetpipe.bootstrap.faults;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A master this process cannot run on, as a user meets it: {@code yarn} with no YARN support on the class path (no
 * cluster, no spark-submit) used to print Spark's SparkException and its stack; it is one line and exit code 1.
 */
class FaultUnavailableMasterTest {

    @Test
    void givenYarnWithoutSparkSubmit_stream_saysSoInOneLineAndExitsOne() throws Exception {
        try (ProductProcess stream = ProductProcess.start(List.of("stream", "--master", "yarn"), Map.of(),
                List.of())) {
            int exit = stream.awaitExit(Faults.GUARD);
            List<String> stderr = stream.stderr();
            assertAll(
                    () -> assertEquals(1, exit, stream::describe),
                    () -> assertEquals(1, stderr.size(), stream::describe),
                    () -> assertTrue(stderr.get(0).contains("master: Spark has no cluster manager for 'yarn'"),
                            stream::describe),
                    () -> assertFalse(String.join("\n", stderr).contains("\tat "), "no stack trace"));
        }
    }
}
