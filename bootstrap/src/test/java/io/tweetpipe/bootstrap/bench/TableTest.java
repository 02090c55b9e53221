package io.tweetpipe.bootstrap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.bootstrap.bench.BenchSuite.Job;
import io.tweetpipe.bootstrap.bench.BenchSuite.Search;
import io.tweetpipe.bootstrap.bench.BenchSuite.Trial;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table says met or missed for each target, from the ratio, on the right side of each bound. */
class TableTest {

    @Test
    void givenFiguresEitherSideOfTheTargets_table_marksEachMetOrMissedWithTheRatio() {
        Table table = new Table(1_000);
        table.sustained(Job.TWEETPIPE, new Search(500_000, 550_000, List.of()));
        table.sustained(Job.PLAIN, new Search(300_000, 330_000, List.of()));
        table.latency(Job.TWEETPIPE, 100_000, trial(Job.TWEETPIPE, List.of(1_100L, 1_200L, 1_400L), 400L << 20));
        table.latency(Job.PLAIN, 100_000, trial(Job.PLAIN, List.of(1_300L, 1_500L, 1_600L), 500L << 20));
        table.relay = Map.of("relay.tweets", 1_000_000.0, "relay.mb", 200.0, "loopback.tweets", 3_000_000.0,
                "loopback.mb", 600.0);

        String rendered = table.render("2026-11-24 10:00", BenchSuite.Mode.QUICK, 0.5, 0.7, "2 cores", 207);

        assertTrue(rendered.contains("| max sustained rate, tweets/s (a) | 500,000 (fails at 550,000) | 300,000 "
                + "(fails at 330,000) | 1.67x | ≥ 2x | missed (1.67x against 2.00x) |"), rendered);
        assertTrue(rendered.contains("| 1,200 / 1,400 | 1,500 / 1,600 | 0.88x | p99 ≤ 1,300 ms | missed"), rendered);
        assertTrue(rendered.contains("| peak resident memory at 100,000 tweets/s, MB (c) | 419 | 524 | 0.80x | "
                + "≤ 0.75x | missed (0.80x against 0.75x) |"), rendered);
        assertTrue(rendered.contains("| tweets/s | 1,000,000 | 3,000,000 | 0.33x | ≥ 0.5x | missed"), rendered);
    }

    @Test
    void verdict_isMetOnlyOnTheGoodSideOfTheBound() {
        assertEquals("met", Table.verdict(2.0, 2, true));
        assertEquals("missed (1.99x against 2.00x)", Table.verdict(1.99, 2, true));
        assertEquals("met", Table.verdict(0.75, 0.75, false));
        assertEquals("missed (0.76x against 0.75x)", Table.verdict(0.76, 0.75, false));
        assertEquals("not measured", Table.verdict(Double.NaN, 1, false));
    }

    private static Trial trial(Job job, List<Long> latencies, long peak) {
        return new Trial(job, 100_000, 1, true, "", 1, 1, 0, 5, latencies, peak, 3_000, 4_000);
    }
}
