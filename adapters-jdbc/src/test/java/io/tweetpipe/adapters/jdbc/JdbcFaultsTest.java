package io.tweetpipe.adapters.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.contract.RecordStoreContract;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The database refusing, going away and coming back; a reader reading while the stream writes. */
class JdbcFaultsTest {

    private static final Instant BATCH = Instant.ofEpochMilli(1_795_493_534_000L);
    private static final String SECRET = "pg-Secret-42";

    @Test
    void givenPostgresDown_open_refusesInOneLine() throws Exception {
        JdbcSettings settings;
        try (PostgresServer postgres = PostgresServer.start()) {
            settings = JdbcSettings.of(postgres.url()).get().withUser(PostgresServer.USER);
            postgres.kill();

            Rejection refused = JdbcOutput.open(settings).getLeft();

            assertEquals("jdbc", refused.subject());
            assertTrue(refused.reason().startsWith("cannot use the database " + postgres.url() + " as tweetpipe: "),
                    refused.reason());
            assertEquals(1, refused.reason().lines().count(), refused.reason());
        }
    }

    @Test
    void givenAPasswordInAPropertiesFile_open_connectsAndAWrongOneIsRefusedWithoutShowingIt(@TempDir Path directory)
            throws Exception {
        try (PostgresServer postgres = PostgresServer.start(SECRET)) {
            Path right = Files.writeString(directory.resolve("right.properties"), "user=tweetpipe\npassword=" + SECRET);
            Path wrong = Files.writeString(directory.resolve("wrong.properties"), "user=tweetpipe\npassword=not-"
                    + SECRET);
            JdbcSettings base = JdbcSettings.of(postgres.url()).get().withVariables("TWEETPIPE_TEST_NO_USER",
                    "TWEETPIPE_TEST_NO_PASSWORD");

            try (JdbcOutput output = JdbcOutput.open(base.withPropertiesFile(right.toString())).get()) {
                output.records().store(BATCH, 0, List.of(RecordStoreContract.text("with a password")).iterator());
            }
            Rejection refused = JdbcOutput.open(base.withPropertiesFile(wrong.toString())).getLeft();

            assertTrue(refused.reason().contains("password authentication failed"), refused.reason());
            assertFalse(refused.reason().contains(SECRET), refused.reason());
        }
    }

    /**
     * PostgreSQL killed mid-stream: the partition being stored fails (the task, then the batch, fails and the engine
     * retries or stops); once the server is back, the pool reconnects and the batch written again holds each record
     * once.
     */
    @Test
    void givenPostgresGoneMidStream_store_failsTheBatchThenStoresItOnceWhenBack() throws Exception {
        try (PostgresServer postgres = PostgresServer.start()) {
            JdbcSettings settings = JdbcSettings.of(postgres.url()).get().withUser(PostgresServer.USER);
            try (JdbcOutput output = JdbcOutput.open(settings).get()) {
                RecordStore store = output.records();
                List<TweetRecord> first = List.range(0, 2_500).map(i -> RecordStoreContract.text("record " + i));
                store.store(BATCH, 0, first.iterator());

                postgres.kill();
                IllegalStateException failed = assertThrows(IllegalStateException.class,
                        () -> store.store(BATCH, 1, List.of(RecordStoreContract.text("lost")).iterator()));
                assertTrue(failed.getMessage().startsWith("cannot store partition 1 of the batch of 1795493534000 ms"
                        + " in " + postgres.url() + ": "), failed.getMessage());
                assertEquals(1, failed.getMessage().lines().count());

                postgres.restart();
                store.store(BATCH, 0, first.iterator());  // the batch, run again
                store.store(BATCH, 1, List.of(RecordStoreContract.text("lost")).iterator());
                store.commit(BATCH);

                assertEquals(first.append(RecordStoreContract.text("lost")), StoredRows.records(settings));
            }
        }
    }

    @Test
    void givenTheSameTweetIdInTwoBatches_store_keepsTheFirst(@TempDir Path directory) throws Exception {
        JdbcSettings settings = JdbcStoresContractTest.sqlite(directory);
        try (JdbcOutput output = JdbcOutput.open(settings).get()) {
            output.records().store(BATCH, 0, List.of(RecordStoreContract.structured(42L, "first")).iterator());
            output.records().commit(BATCH);
            output.records().store(BATCH.plusSeconds(1), 0,
                    List.of(RecordStoreContract.structured(42L, "again, after a reconnection")).iterator());
            output.records().commit(BATCH.plusSeconds(1));

            assertEquals(List.of(RecordStoreContract.structured(42L, "first")), StoredRows.records(settings));
        }
    }

    /** Why SQLite: in WAL mode a reader keeps its snapshot while the stream appends, and neither waits. */
    @Test
    void givenAReaderInATransaction_store_appendsWithoutWaitingAndTheReaderSeesItNext(@TempDir Path directory)
            throws Exception {
        JdbcSettings settings = JdbcStoresContractTest.sqlite(directory);
        try (JdbcOutput output = JdbcOutput.open(settings).get(); Connection reader = StoredRows.connect(settings)) {
            output.records().store(BATCH, 0, List.of(RecordStoreContract.text("before")).iterator());
            try (Statement statement = reader.createStatement();
                 ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
                mode.next();
                assertEquals("wal", mode.getString(1), "the file is in write-ahead-log mode, for every connection");
            }
            reader.setAutoCommit(false);
            assertEquals(1, count(reader));  // the reader's snapshot starts here

            long started = System.nanoTime();
            output.records().store(BATCH, 1, List.range(0, 1_000).map(i -> RecordStoreContract.text("r" + i))
                    .iterator());
            long tookMillis = (System.nanoTime() - started) / 1_000_000;

            assertTrue(tookMillis < Pools.SQLITE_WAIT_MS, "the writer did not wait for the reader");
            assertEquals(1, count(reader), "the reader's snapshot is unchanged");
            reader.commit();
            assertEquals(1_001, count(reader));
        }
    }

    private static long count(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM tweets")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
