package io.tweetpipe.bootstrap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A store's rows are counted by batch time within the span, per second, and the trial's store goes at close. */
class ProbeTest {

    @TempDir
    Path dir;

    @Test
    void givenBatchFoldersInAndOutOfTheSpan_fileSink_countsTheLinesOfThoseWithinPerSecond() throws Exception {
        Path out = dir.resolve("files");
        folder(out, 1_000, List.of("a\nb\n", "c\n"));
        folder(out, 2_000, List.of("d\ne\nf\n"));
        folder(out, 5_000, List.of("g\n"));
        Files.createDirectories(out.resolve("_pending").resolve("tweets-3000"));
        Probe probe = new Probe.FileSink(out);

        assertEquals(3.0, probe.perSecond(1_000, 3_000), 1e-9, "(3 + 3) rows over 2 s; 5000 is outside");
        probe.close();
        assertFalse(Files.exists(out));
    }

    @Test
    void givenRowsOfSeveralBatches_sqlite_countsThoseWithinThePerSecond() throws Exception {
        Path file = dir.resolve("trial.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE tweets (batch_time TEXT NOT NULL, body TEXT)");
            s.execute("INSERT INTO tweets VALUES ('2026-11-29T10:00:01.000Z', 'a'), ('2026-11-29T10:00:01.000Z', 'b'),"
                    + " ('2026-11-29T10:00:02.000Z', 'c'), ('2026-11-29T10:00:09.000Z', 'd')");
        }
        Probe probe = Probe.Database.sqlite(file);
        long from = java.time.Instant.parse("2026-11-29T10:00:01Z").toEpochMilli();

        assertEquals(1.5, probe.perSecond(from, from + 2_000), 1e-9, "3 rows over 2 s");
        probe.close();
        assertFalse(Files.exists(file));
    }

    private static void folder(Path out, long time, List<String> parts) throws Exception {
        Path folder = Files.createDirectories(out.resolve("tweets-" + time));
        for (int i = 0; i < parts.size(); i++) {
            Files.writeString(folder.resolve(String.format("part-%05d.jsonl", i)), parts.get(i));
        }
    }
}
