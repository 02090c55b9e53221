package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tweetpipe.application.contract.BatchSinkContract;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.vavr.collection.List;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConsoleBatchSinkTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final ConsoleBatchSink sink = new ConsoleBatchSink(new PrintStream(bytes, true, StandardCharsets.UTF_8));

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** Lines as println writes them on this platform. */
    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    private static final String RULE = "-------------------------------------------";

    @Nested
    class Contract extends BatchSinkContract {
        @Override
        protected BatchSink sink() {
            return sink;
        }

        @Override
        protected String shown() {
            return printed().replace(System.lineSeparator(), "\n");
        }
    }

    @Test
    void givenMoreThanTenRecords_accept_printsTheFirstTenThenDotsAsDStreamPrintDoes() {
        sink.accept(new Batch(Instant.ofEpochMilli(1_732_442_400_000L), 25,
                List.range(0, 12).map(i -> "tweet " + i)));

        assertEquals(lines(RULE, "Time: 1732442400000 ms", RULE,
                "tweet 0", "tweet 1", "tweet 2", "tweet 3", "tweet 4", "tweet 5", "tweet 6", "tweet 7", "tweet 8",
                "tweet 9", "...", ""), printed());
    }

    @Test
    void givenExactlyTenRecords_accept_printsThemWithoutDots() {
        sink.accept(new Batch(Instant.ofEpochMilli(2_000), 10, List.range(0, 10).map(i -> "t" + i)));

        assertEquals(lines(RULE, "Time: 2000 ms", RULE,
                "t0", "t1", "t2", "t3", "t4", "t5", "t6", "t7", "t8", "t9", ""), printed());
    }

    @Test
    void givenAnEmptyBatch_accept_printsTheHeaderAndABlankLine() {
        sink.accept(new Batch(Instant.ofEpochMilli(3_000), 0, List.empty()));

        assertEquals(lines(RULE, "Time: 3000 ms", RULE, ""), printed());
    }

    @Test
    void givenFigures_accept_printsOneReadableLine() {
        sink.accept(new BatchFigures(Instant.ofEpochMilli(1_732_442_400_000L), 1234, Duration.ofMillis(85),
                Duration.ofMillis(3)));

        assertEquals(lines("batch 1732442400000 ms: 1234 records, processed in 85 ms, scheduling delay 3 ms"),
                printed());
    }
}
