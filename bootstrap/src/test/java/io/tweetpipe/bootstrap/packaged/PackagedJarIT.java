package io.tweetpipe.bootstrap.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged program runs: the README's launcher starts the jar with its {@code lib/}, the demo prints Spark's
 * batches and a ranking, and a timed run ends with exit code 0. Run by failsafe after {@code package}; every other test
 * runs on Maven's class path, which once hid a runtime jar left out of {@code lib/} while {@code ./tweetpipe} failed.
 */
class PackagedJarIT {

    private static final Pattern BATCH_HEADER = Pattern.compile("(?m)^Time: \\d+ ms$");
    private static final Pattern BATCH_LINE =
            Pattern.compile("(?m)^batch \\d+ ms: (\\d+) records, processed in \\d+ ms, scheduling delay \\d+ ms$");
    private static final Pattern RANKING = Pattern.compile(
            "(?m)^Trending hashtags at \\d+ ms \\(60s window sliding by 10s\\)\\nrank +hashtag +count +change\\n +1 +\\S+ +\\d+ ");

    @Test
    void givenThePackagedDemo_runForFifteenSeconds_printsBatchesAndARankingAndExitsZero(@TempDir Path directory)
            throws Exception {
        PackagedTweetpipe.Finished run = PackagedTweetpipe.run(directory, Duration.ofSeconds(120),
                "demo", "--run-for", "15s", "--dashboard-port", "0");

        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(BATCH_HEADER.matcher(run.out()).results().count() >= 3, run::toString);
        assertTrue(BATCH_LINE.matcher(run.out()).results().anyMatch(batch -> Long.parseLong(batch.group(1)) > 0),
                () -> "a batch with records: " + run);
        assertTrue(RANKING.matcher(run.out()).find(), () -> "a ranking: " + run);
    }
}
