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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
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

    /**
     * The output a test opens on one database (SQLite in the test's directory, or a database of its own on the shared
     * server), closed after the test; texts become there what the database's dialect makes of them.
     */
    static final class OpenedOutput implements AfterEachCallback {
        private final Dialect dialect;
        private JdbcOutput output;

        OpenedOutput(Dialect dialect) {
            this.dialect = dialect;
        }

        JdbcOutput open(Path directory) throws Exception {
            output = JdbcStoresContractTest.open(dialect == Dialect.SQLITE ? sqlite(directory) : newPostgresDatabase());
            return output;
        }

        JdbcSettings settings() {
            return output.settings();
        }

        String asStored(String text) {
            return dialect.text(text);
        }

        @Override
        public void afterEach(ExtensionContext context) {
            if (output != null) {
                output.close();
            }
        }
    }

    abstract static class Records extends RecordStoreContract {
        @RegisterExtension
        final OpenedOutput output;
        @TempDir
        Path directory;

        Records(Dialect dialect) {
            output = new OpenedOutput(dialect);
        }

        @Override
        protected RecordStore store() throws Exception {
            return output.open(directory).records();
        }

        @Override
        protected Seq<TweetRecord> stored() throws Exception {
            return StoredRows.records(output.settings());
        }

        @Override
        protected String asStored(String text) {
            return output.asStored(text);
        }
    }

    abstract static class Results extends StoredResultsContract {
        @RegisterExtension
        final OpenedOutput output;
        @TempDir
        Path directory;

        Results(Dialect dialect) {
            output = new OpenedOutput(dialect);
        }

        @Override
        protected BatchSink sink() throws Exception {
            return output.open(directory).results();
        }

        @Override
        protected Seq<String> storedLines() throws Exception {
            return StoredRows.resultLines(output.settings());
        }

        @Override
        protected String asStored(String text) {
            return output.asStored(text);
        }
    }

    /** UTF-8 holds no lone surrogate; NUL it keeps. */
    @Nested
    class SqliteRecords extends Records {
        SqliteRecords() {
            super(Dialect.SQLITE);
        }
    }

    @Nested
    class SqliteResults extends Results {
        SqliteResults() {
            super(Dialect.SQLITE);
        }
    }

    /** PostgreSQL's text holds neither NUL nor a lone surrogate. */
    @Nested
    class PostgresRecords extends Records {
        PostgresRecords() {
            super(Dialect.POSTGRESQL);
        }
    }

    @Nested
    class PostgresResults extends Results {
        PostgresResults() {
            super(Dialect.POSTGRESQL);
        }
    }
}
