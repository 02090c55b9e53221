package io.tweetpipe.adapters.jdbc;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * A database as the stream's output, checked at start: its credentials found, a connection opened, the tables created
 * when absent. A database that is down, or refuses the user, is one line here, before any stream starts.
 */
public final class JdbcOutput implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger("tweetpipe.jdbc");

    private final JdbcSettings settings;

    private JdbcOutput(JdbcSettings settings) {
        this.settings = settings;
    }

    /** The output, or why the database cannot take it: for the launcher to print in one line, exit code 1. */
    public static Either<Rejection, JdbcOutput> open(JdbcSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Either<Rejection, Pools.Pool> pool = Pools.of(settings);
        if (pool.isLeft()) {
            return Either.left(pool.getLeft());
        }
        try (Connection connection = pool.get().dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            if (settings.dialect() == Dialect.SQLITE) {
                connection.setAutoCommit(true);  // the journal mode changes outside a transaction, once for the file
                statement.execute("PRAGMA journal_mode=WAL");
                connection.setAutoCommit(false);
            }
            for (String create : Schema.create(settings.dialect())) {
                statement.execute(create);
            }
            connection.commit();
        } catch (SQLException e) {
            Pools.close(settings);
            return Either.left(Rejection.of("jdbc", "cannot use the database " + settings.shownUrl()
                    + pool.get().credentials().user().map(user -> " as " + user).getOrElse("") + ": "
                    + Transactions.describe(e, pool.get().credentials().secrets())));
        }
        LOG.log(System.Logger.Level.INFO, "storing records and results in {0}", settings.shownUrl());
        return Either.right(new JdbcOutput(settings));
    }

    /** Every record, in {@code tweets}, written from where the engine holds them. */
    public RecordStore records() {
        return new JdbcRecordStore(settings);
    }

    /** Rankings, totals, query results and the learning analyses' results, on the driver. */
    public BatchSink results() {
        return new JdbcResultSink(settings);
    }

    public JdbcSettings settings() {
        return settings;
    }

    /** Closes this JVM's pool (the driver's; in local mode the executors' too). Call once the stream has stopped. */
    @Override
    public void close() {
        Pools.close(settings);
    }
}
