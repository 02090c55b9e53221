package io.tweetpipe.bootstrap.storing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tweetpipe.adapters.files.FileOutput;
import io.tweetpipe.adapters.files.FileSettings;
import io.tweetpipe.adapters.jdbc.JdbcOutput;
import io.tweetpipe.adapters.jdbc.JdbcSettings;
import io.tweetpipe.adapters.jdbc.PostgresServer;
import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.adapters.spark.SparkStreamEngine;
import io.tweetpipe.application.contract.RecordStoreContract;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.service.ProcessTweetStreamService;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.analysis.Subject;
import io.tweetpipe.domain.analysis.Window;
import io.tweetpipe.domain.framing.Frame;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.TimeUnit;
import org.apache.spark.streaming.StreamingContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Storing through the real Spark engine, end to end: tweets read by the receiver, records written by the executors
 * (in {@code foreachPartition}) to files, SQLite and a real PostgreSQL server, results by the driver. The driver is
 * killed while a batch that every store has written is still unfinished; the job restarted on its checkpoint runs that
 * batch again, and every store still holds each record once.
 */
class StoringEndToEndTest {

    private static final Duration BATCH = Duration.ofMillis(500);
    private static final Duration GUARD = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    private final java.util.List<AutoCloseable> toClose = new ArrayList<>();
    private RunningStream first;
    private RunningStream second;

    @AfterEach
    void closeEverything() throws Exception {
        for (RunningStream running : new RunningStream[] {first, second}) {
            if (running != null) {
                running.stop();
            }
        }
        for (int i = toClose.size() - 1; i >= 0; i--) {
            toClose.get(i).close();
        }
    }

    private record Outputs(FileOutput files, JdbcOutput sqlite, JdbcOutput postgres, ExecutorProbe probe) {
        Seq<RecordStore> stores() {
            return List.of(files.records(), sqlite.records(), postgres.records(), probe);
        }

        Seq<BatchSink> sinks() {
            return List.of(files.results(), sqlite.results(), postgres.results());
        }
    }

    private static RunningStream start(SparkSettings settings, Outputs outputs) {
        StreamJob job = new StreamJob(Preprocessing.standard(), List.of(new Analysis.Sample(10),
                new Analysis.Trending(Subject.WORDS, new Window(BATCH.multipliedBy(2), BATCH), 5)));
        return new ProcessTweetStreamService(new SparkStreamEngine(settings), job, outputs.sinks(), outputs.stores(),
                failure -> {
                    throw new AssertionError(failure.toString());
                }).start().getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
    }

    private static byte[] framed(List<String> bodies) {
        return bodies.map(body -> Frame.of(body).get().text()).mkString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void givenABatchRunAgainAfterTheDriverDied_everyStore_holdsEachRecordOnce() throws Exception {
        PostgresServer postgres = PostgresServer.start();
        toClose.add(postgres);
        FrameServer relay = new FrameServer();
        toClose.add(relay);
        Outputs outputs = new Outputs(
                FileOutput.open(FileSettings.of(directory.resolve("files").toString()).get()).get(),
                JdbcOutput.open(JdbcSettings.embedded(directory.resolve("tweetpipe.db").toString()).get()).get(),
                JdbcOutput.open(JdbcSettings.of(postgres.url()).get().withUser(PostgresServer.USER)).get(),
                new ExecutorProbe());
        toClose.add(outputs.sqlite());
        toClose.add(outputs.postgres());
        Path checkpoint = directory.resolve("checkpoint");
        SparkSettings settings = SparkSettings.builder("local[2]", BATCH).relay("127.0.0.1", relay.port())
                .ui(Option.none()).sparkConf("spark.streaming.receiverRestartDelay", "200")
                .checkpoint(checkpoint.toString()).build();
        List<String> before = List.range(0, 400).map(i -> "Tweet " + i + " before the crash about covid");
        // After the restart, the tweets that break stores, through the wire, the receiver and the preprocessing.
        List<String> after = List.range(0, 100).map(i -> "Tweet " + i + " after the restart about masks")
                .appendAll(RecordStoreContract.hostileTexts().filter(text -> !text.isBlank()));

        first = start(settings, outputs);
        relay.send(framed(before));
        Instant held = outputs.probe().notes().held.get(GUARD.toSeconds(), TimeUnit.SECONDS);
        awaitFile(checkpoint.resolve("checkpoint-" + held.toEpochMilli()));
        // No graceful stop: receivers, batches and the Spark context go at once, as when the driver is killed.
        StreamingContext.getActive().get().stop(true, false);
        outputs.probe().notes().release.countDown();
        first = null;
        relay.dropClient();

        second = start(settings, outputs);
        relay.send(framed(after));
        // What the stream makes of them is the domain's business (lower case, line breaks as spaces, a lone surrogate
        // as U+FFFD on the wire): the stores must keep exactly that.
        List<String> expected = Preprocessing.standard().applyUtf8(framed(before.appendAll(after))).toList();
        awaitRows(outputs.sqlite().settings(), expected.size());
        awaitRows(outputs.postgres().settings(), expected.size());
        second.stop();
        second = null;

        ExecutorProbe.Notes notes = outputs.probe().notes();
        assertTrue(notes.partitionsStored.get(held).get() >= 2, "the held batch ran again: " + notes
                .partitionsStored);
        assertEquals(0, notes.outsideTasks.get(), "every partition was stored inside a Spark task");
        assertEquals(java.util.Set.of("Executor task launch worker for task N.N in stage N.N (TID N)"),
                notes.threads, "on the executors' task threads");
        assertTrue(expected.exists(body -> body.contains("\u0000")) && expected.exists(body -> body.length() > 9_000)
                && expected.exists(body -> body.contains("__end")), "the hostile tweets are among them");
        for (JdbcOutput database : List.of(outputs.sqlite(), outputs.postgres())) {
            List<String> bodies = bodies(database.settings());
            // PostgreSQL's text holds no NUL: stored as U+FFFD, its one change (see the adapter's Dialect)
            List<String> kept = database == outputs.postgres() ? expected.map(body -> body.replace('\u0000', '\uFFFD'))
                    : expected;
            assertEquals(kept.size(), bodies.size(), database.settings().shownUrl() + ": no duplicate");
            assertEquals(kept.sorted(), bodies.sorted(), database.settings().shownUrl());
            assertTrue(count(database.settings(), "SELECT count(*) FROM trends") > 0, "rankings stored");
        }
        List<String> inFiles = fileBodies(directory.resolve("files"));
        assertEquals(expected.sorted(), inFiles.sorted(), "files: each record once");
    }

    private static void awaitFile(Path file) throws InterruptedException {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (!Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no " + file + " within " + GUARD);
            }
            Thread.sleep(20);
        }
    }

    private static void awaitRows(JdbcSettings settings, int rows) throws Exception {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (count(settings, "SELECT count(*) FROM tweets") < rows && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(BATCH.multipliedBy(3).toMillis());  // so that a record stored twice has time to show
    }

    private static Connection connect(JdbcSettings settings) throws Exception {
        return settings.user().isDefined() ? DriverManager.getConnection(settings.url(), settings.user().get(), null)
                : DriverManager.getConnection(settings.url());
    }

    private static long count(JdbcSettings settings, String sql) throws Exception {
        try (Connection connection = connect(settings); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static List<String> bodies(JdbcSettings settings) throws Exception {
        java.util.List<String> bodies = new ArrayList<>();
        try (Connection connection = connect(settings); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT body FROM tweets")) {
            while (rows.next()) {
                bodies.add(rows.getString(1));
            }
        }
        return List.ofAll(bodies);
    }

    private static List<String> fileBodies(Path directory) throws Exception {
        ObjectMapper json = new ObjectMapper();
        java.util.List<String> bodies = new ArrayList<>();
        try (DirectoryStream<Path> folders = Files.newDirectoryStream(directory, "tweets-[0-9]*")) {
            for (Path folder : folders) {
                try (DirectoryStream<Path> parts = Files.newDirectoryStream(folder, "part-*.jsonl")) {
                    for (Path part : parts) {
                        for (String line : Files.readAllLines(part, StandardCharsets.UTF_8)) {
                            bodies.add(json.readTree(line).get("body").textValue());
                        }
                    }
                }
            }
        }
        return List.ofAll(bodies);
    }
}
