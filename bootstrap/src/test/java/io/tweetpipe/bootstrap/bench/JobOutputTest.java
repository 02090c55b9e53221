package io.tweetpipe.bootstrap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness reads both jobs' standard output: tweetpipe's console with count lines, and the tutorial's print(). */
class JobOutputTest {

    @Test
    void givenTweetpipeConsoleOutput_jobOutput_readsCountsFiguresAndLatencies() {
        JobOutput output = new JobOutput();
        feed(output, 1_795_000_000_500L,
                "-------------------------------------------",
                "Time: 1795000000000 ms",
                "-------------------------------------------",
                "1794999 0 first tweet",  // not a 13-digit stamp: not a sample
                "1794999999100 1 just got my #covid booster",
                "1794999999400 2 stay home 😷",
                "...",
                "",
                "bench-batch 1795000000000 1234",
                "batch 1795000000000 ms: 1234 records, processed in 80 ms, scheduling delay 3 ms",
                "bench-figures 1795000000000 1234 80 3");

        assertEquals(1_234, output.processed());
        assertEquals(List.of(1_100L, 1_400L), output.latencies(1_795_000_000_000L, 1_795_000_000_000L));
        assertEquals(new JobOutput.Figures(1_795_000_000_000L, 1_234, 80, 3),
                output.worstScheduling(0, Long.MAX_VALUE));
        assertEquals(1_795_000_000_500L, output.firstRecordReadAt());
    }

    @Test
    void givenTheTutorialsPrintAndCountPrint_jobOutput_takesTheCountFromTheBlockWithOneNumber() {
        JobOutput output = new JobOutput();
        feed(output, 1_795_000_001_200L,
                "-------------------------------------------",
                "Time: 1795000000000 ms",
                "-------------------------------------------",
                "1794999999000 7 7 is a number in a tweet",
                "",
                "-------------------------------------------",
                "Time: 1795000000000 ms",
                "-------------------------------------------",
                "42",
                "",
                "bench-figures 1795000000000 42 350 1200",
                "-------------------------------------------",
                "Time: 1795000001000 ms",
                "-------------------------------------------",
                "",
                "-------------------------------------------",
                "Time: 1795000001000 ms",
                "-------------------------------------------",
                "0",
                "",
                "bench-figures 1795000001000 0 5 900");

        assertEquals(42, output.processed());
        assertEquals(List.of(2_200L), output.latencies(0, Long.MAX_VALUE));
        assertEquals(1_200, output.worstScheduling(0, Long.MAX_VALUE).schedulingMillis());
        assertEquals(900, output.worstScheduling(1_795_000_001_000L, Long.MAX_VALUE).schedulingMillis());
    }

    private static void feed(JobOutput output, long readAt, String... lines) {
        for (String line : lines) {
            output.accept(readAt, line);
        }
    }
}
