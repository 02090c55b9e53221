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

    @Test
    void givenPhasesOfVariants_table_showsEachVariantBesideThePlainJobWithItsTargetAndFigures() {
        Table table = new Table(1_000);
        table.sustained(Job.TWEETPIPE, new Search(400_000, 440_000, List.of()));
        table.latency(Job.TWEETPIPE, 100_000, trial(Job.TWEETPIPE, List.of(1_100L), 500L << 20));
        table.section(phase("analytics"), List.of(new Table.Variant(Job.ANALYTICS,
                new Search(200_000, 260_000, List.of()), trial(Job.ANALYTICS, List.of(1_100L), 1_000L << 20))));
        Trial stored = new Trial(Job.POSTGRES, 100_000, 1, false, "scheduling delay 1500 ms in batch 7", 1, 1, 0, 5,
                List.of(), 600L << 20, -1, -1, 61_000);
        table.section(phase("sinks"), List.of(
                new Table.Variant(Job.FILES, new Search(300_000, 330_000, List.of()), trial(Job.FILES, List.of(),
                        700L << 20)),
                new Table.Variant(Job.POSTGRES, new Search(50_000, 100_000, List.of()), stored)));
        Trial page = new Trial(Job.PAGE, 240_000, 1, true, "", 1, 1, 0, 5, List.of(), -1, -1, -1, 3.5);
        table.section(phase("dashboard"), List.of(new Table.Variant(Job.PAGE,
                new Search(240_000, 300_000, List.of(page)), null)));
        table.section(phase("kafka"), List.of(new Table.Variant(Job.kafka(2), new Search(0, 5_000, List.of()),
                null)));

        String rendered = table.render("2026-11-29 23:00", BenchSuite.Mode.QUICK, 3.0, 4.0, "2 cores", 207);

        assertTrue(rendered.contains("| analytics (g) | max sustained rate, tweets/s | plain tweetpipe job | ratio | "
                + "peak RSS at 100,000 tweets/s, MB | target | verdict |\n|---|--:|--:|--:|--:|---|---|\n"
                + "| with trends and SQL | 200,000 (fails at 260,000) | 400,000 (fails at 440,000) | 0.50x | "
                + "1,049 (2.00x) | ≥ 250,000 | missed |"), rendered);
        assertTrue(rendered.contains("| stores (issue 12) (h) | max sustained rate, tweets/s | plain tweetpipe job | "
                + "ratio | peak RSS at 100,000 tweets/s, MB | tweets stored per second at 100,000 tweets/s | target | "
                + "verdict |\n|---|--:|--:|--:|--:|--:|---|---|\n"), rendered);
        assertTrue(rendered.contains("| PostgreSQL | 50,000 (fails at 100,000) | 400,000 (fails at 440,000) | 0.13x | "
                + "629 (1.20x) | 61,000 (not sustained: scheduling delay 1500 ms in batch 7) |  |  |"), rendered);
        assertTrue(rendered.contains("| dashboard on, a page open | 240,000 (fails at 300,000) | 400,000 (fails at "
                + "440,000) | 0.60x | 4 |  |  |"), rendered);
        assertTrue(rendered.contains("| Kafka, 2 partitions | 0 (fails at 5,000) | 400,000 (fails at 440,000) |  |"
                + "  |  |"), rendered);
        assertTrue(rendered.contains("(j) the load generator publishes through tweetpipe's Kafka publisher"),
                rendered);
    }

    private static BenchSuite.Phase phase(String name) {
        return BenchSuite.PHASES.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
    }

    private static Trial trial(Job job, List<Long> latencies, long peak) {
        return new Trial(job, 100_000, 1, true, "", 1, 1, 0, 5, latencies, peak, 3_000, 4_000, Double.NaN);
    }
}
