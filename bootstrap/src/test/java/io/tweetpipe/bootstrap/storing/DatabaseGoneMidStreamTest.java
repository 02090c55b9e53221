package io.tweetpipe.bootstrap.storing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.adapters.jdbc.JdbcOutput;
import io.tweetpipe.adapters.jdbc.JdbcSettings;
import io.tweetpipe.adapters.jdbc.PostgresServer;
import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.adapters.spark.SparkStreamEngine;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.application.service.ProcessTweetStreamService;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.framing.Frame;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.spark.streaming.StreamingContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL killed under a running stream, on the real Spark engine: the batch being stored fails (a local master
 * tries a task once; a cluster, {@code spark.task.maxFailures} times), the stream ends with that failure, in one masked
 * line, and stops at once. Restarted on its checkpoint once the database is back, it runs the failed batches again:
 * every record is stored, once.
 */
class DatabaseGoneMidStreamTest {

    private static final Duration BATCH = Duration.ofMillis(500);
    private static final Duration GUARD = Duration.ofSeconds(90);

    @TempDir
    Path directory;

    @Test
    void givenPostgresKilledMidStream_theStream_failsInOneLineAndARestartStoresEveryRecordOnce() throws Exception {
        try (PostgresServer postgres = PostgresServer.start(); FrameServer relay = new FrameServer();
             JdbcOutput database = JdbcOutput.open(JdbcSettings.of(postgres.url()).get()
                     .withUser(PostgresServer.USER)).get()) {
            SparkSettings settings = SparkSettings.builder("local[2]", BATCH).relay("127.0.0.1", relay.port())
                    .ui(Option.none()).sparkConf("spark.streaming.receiverRestartDelay", "200")
                    .checkpoint(directory.resolve("checkpoint").toString()).build();
            List<String> before = List.range(0, 200).map(i -> "Before the database went away " + i);
            List<String> during = List.range(0, 100).map(i -> "Around the time it went away " + i);
            List<String> after = List.range(0, 100).map(i -> "After it came back " + i);

            RunningStream first = start(settings, database);
            relay.send(framed(before));
            awaitRows(database.settings(), before.size());
            relay.send(framed(during));
            // A stream that fails stops at once and loses the block being filled (as a kill does): let these tweets
            // become stored blocks first, so that what the test asks of them is the re-run, not the cut.
            Thread.sleep(BATCH.toMillis());
            postgres.kill();
            CompletableFuture<Throwable> ended = CompletableFuture.supplyAsync(() -> {
                try {
                    first.awaitTermination();
                    return null;
                } catch (Exception e) {  // Spark's failure is a SparkException, checked though undeclared
                    return e;
                }
            });
            Throwable failure = ended.get(GUARD.toSeconds(), TimeUnit.SECONDS);
            long stopping = System.nanoTime();
            first.stop();
            relay.dropClient();

            assertTrue(failure != null && !(failure instanceof InterruptedException),
                    "the stream ended with the batch's failure: " + failure);
            String line = innermost(failure).getMessage();
            assertTrue(line.startsWith("cannot store "), line);  // a partition, on an executor, or the batch's commit
            assertTrue(line.contains(" in " + postgres.url() + ": "), line);
            assertEquals(1, line.lines().count(), line);
            assertTrue(Duration.ofNanos(System.nanoTime() - stopping).compareTo(Duration.ofSeconds(30)) < 0,
                    "a failed stream stops at once rather than failing every waiting batch in turn");
            assertTrue(StreamingContext.getActive().isEmpty());

            postgres.restart();
            RunningStream second = start(settings, database);
            try {
                relay.send(framed(after));
                List<String> expected = before.appendAll(during).appendAll(after)
                        .map(body -> body.toLowerCase(Locale.ROOT));
                awaitRows(database.settings(), expected.size());
                Thread.sleep(BATCH.multipliedBy(3).toMillis());  // so that a record stored twice has time to show
                assertEquals(expected.sorted(), bodies(database.settings()).sorted());
            } finally {
                second.stop();
            }
        }
    }

    private static RunningStream start(SparkSettings settings, JdbcOutput database) {
        return new ProcessTweetStreamService(new SparkStreamEngine(settings), StreamJob.sampling(10), List.empty(),
                List.of(database.records()), failure -> {
                    throw new AssertionError(failure.toString());
                }).start().getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
    }

    private static Throwable innermost(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    private static byte[] framed(List<String> bodies) {
        return bodies.map(body -> Frame.of(body).get().text()).mkString().getBytes(StandardCharsets.UTF_8);
    }

    private static Connection connect(JdbcSettings settings) throws Exception {
        return DriverManager.getConnection(settings.url(), settings.user().get(), null);
    }

    private static void awaitRows(JdbcSettings settings, int rows) throws Exception {
        long deadline = System.nanoTime() + GUARD.toNanos();
        while (bodies(settings).size() < rows) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("fewer than " + rows + " rows within " + GUARD + ": " + bodies(settings)
                        .groupBy(body -> body.substring(0, 10)).mapValues(List::size));
            }
            Thread.sleep(100);
        }
    }

    private static List<String> bodies(JdbcSettings settings) throws Exception {
        java.util.List<String> bodies = new ArrayList<>();
        try (Connection connection = connect(settings); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT body FROM tweets")) {
            while (rows.next()) {
                bodies.add(rows.getString(1));
            }
        } catch (java.sql.SQLException down) {
            return List.empty();
        }
        return List.ofAll(bodies);
    }
}
