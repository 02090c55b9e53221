package io.tweetpipe.adapters.jdbc;

import io.tweetpipe.application.contract.RecordStoreContract;
import io.tweetpipe.application.contract.StoredResultsContract;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Seq;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The record store's and the stored results' contracts against SQLite in a file and a real PostgreSQL server. */
class JdbcStoresContractTest {

    private static PostgresServer postgres;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = PostgresServer.start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    static JdbcOutput open(JdbcSettings settings) {
        return JdbcOutput.open(settings).getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
    }

    static JdbcSettings sqlite(Path directory) {
        return JdbcSettings.embedded(directory.resolve("tweetpipe.db").toString()).get();
    }

    /** A database of its own on the shared server: tests do not see each other's rows. */
    static JdbcSettings newPostgresDatabase() throws Exception {
        String name = "contract_" + DATABASES.incrementAndGet();
        try (Connection connection = postgres.connect(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        }
        return JdbcSettings.of(postgres.url().replace("/postgres", "/" + name)).get().withUser(PostgresServer.USER);
    }

    static String inPostgres(String text) {
        return Dialect.POSTGRESQL.text(text);
    }

    static String inSqlite(String text) {
        return Dialect.SQLITE.text(text);
    }

    abstract static class Records extends RecordStoreContract {
        JdbcOutput output;

        abstract JdbcSettings settings() throws Exception;

        @Override
        protected RecordStore store() throws Exception {
            output = open(settings());
            return output.records();
        }

        @Override
        protected Seq<TweetRecord> stored() throws Exception {
            return StoredRows.records(output.settings());
        }

        @AfterEach
        void close() {
            if (output != null) {
                output.close();
            }
        }
    }

    abstract static class Results extends StoredResultsContract {
        JdbcOutput output;

        abstract JdbcSettings settings() throws Exception;

        @Override
        protected BatchSink sink() throws Exception {
            output = open(settings());
            return output.results();
        }

        @Override
        protected Seq<String> storedLines() throws Exception {
            return StoredRows.resultLines(output.settings());
        }

        @AfterEach
        void close() {
            if (output != null) {
                output.close();
            }
        }
    }

    @Nested
    class SqliteRecords extends Records {
        @TempDir
        Path directory;

        @Override
        JdbcSettings settings() {
            return sqlite(directory);
        }

        /** UTF-8 holds no lone surrogate; NUL it keeps. */
        @Override
        protected String asStored(String text) {
            return inSqlite(text);
        }
    }

    @Nested
    class SqliteResults extends Results {
        @TempDir
        Path directory;

        @Override
        JdbcSettings settings() {
            return sqlite(directory);
        }

        @Override
        protected String asStored(String text) {
            return inSqlite(text);
        }
    }

    @Nested
    class PostgresRecords extends Records {
        @Override
        JdbcSettings settings() throws Exception {
            return newPostgresDatabase();
        }

        /** PostgreSQL's text holds neither NUL nor a lone surrogate. */
        @Override
        protected String asStored(String text) {
            return inPostgres(text);
        }
    }

    @Nested
    class PostgresResults extends Results {
        @Override
        JdbcSettings settings() throws Exception {
            return newPostgresDatabase();
        }

        @Override
        protected String asStored(String text) {
            return inPostgres(text);
        }
    }
}
