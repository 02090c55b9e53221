package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.application.memory.CapturingBatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.QueryRows;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** A SQL query over every batch, and over a window, on Spark: the analysis only Spark's engine runs. */
class SparkSqlAnalysisTest {

    private static final Duration BATCH = Duration.ofMillis(200);

    /** Batch k holds k tweets, the k-th of them about vaccines. */
    private static final Seq<Seq<byte[]>> BATCHES = List.rangeClosed(1, 6).map(k -> List.rangeClosed(1, k)
            .map(i -> Frame.of((i == k ? "Vaccine " : "Mask ") + "news " + i).get().text()
                    .getBytes(StandardCharsets.UTF_8)));

    private Seq<QueryRows> run(Analysis.Sql sql) throws Exception {
        CapturingBatchSink sink = new CapturingBatchSink();
        RunningStream running = new SparkStreamEngine(TestSettings.reading(5555, BATCH), ScheduledInput.of(BATCHES))
                .start(new StreamJob(Preprocessing.standard(), List.of(sql)), sink)
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (sink.figures().size() < BATCHES.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
        } finally {
            running.stop();
        }
        long first = sink.figures().head().time().toEpochMilli();
        return sink.outputs().filter(QueryRows.class::isInstance).map(QueryRows.class::cast)
                .filter(rows -> rows.time().toEpochMilli() - first < BATCHES.size() * BATCH.toMillis());
    }

    @Test
    void givenAGroupBy_run_answersItForEveryBatch() throws Exception {
        Seq<QueryRows> results = run(new Analysis.Sql("SELECT body LIKE 'vaccine%' AS vaccine, count(*) AS n "
                + "FROM tweets GROUP BY 1 ORDER BY 1", Option.none()));

        assertEquals(List.of("vaccine", "n"), results.head().columns());
        assertEquals(List.rangeClosed(1, 6).map(k -> k == 1 ? List.of(List.of("true", "1"))
                        : List.of(List.of("false", Integer.toString(k - 1)), List.of("true", "1"))),
                results.map(QueryRows::rows));
    }

    @Test
    void givenAColumnReadOnlyInASubquery_run_answersWithIt() throws Exception {
        Seq<QueryRows> results = run(new Analysis.Sql("SELECT count(*) AS n FROM tweets "
                + "WHERE EXISTS (SELECT 1 FROM tweets v WHERE v.body LIKE 'vaccine%')", Option.none()));

        assertEquals(List.rangeClosed(1, 6).map(k -> Integer.toString(k)), results.map(rows -> rows.rows().head().head()),
                "each batch holds a vaccine tweet, so each counts all its tweets");
    }

    @Test
    void givenAWindow_run_answersOverTheWindowAtEachSlide() throws Exception {
        Window window = new Window(Duration.ofMillis(600), Duration.ofMillis(400));

        Seq<QueryRows> results = run(new Analysis.Sql("SELECT count(*) AS n FROM tweets", Option.some(window)));

        // Windows end at batches 2, 4 and 6, and hold batches 1-2, 2-4 and 4-6.
        assertEquals(List.of("3", "9", "15"), results.map(rows -> rows.rows().head().head()));
    }
}
