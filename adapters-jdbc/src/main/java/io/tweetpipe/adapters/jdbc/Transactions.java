package io.tweetpipe.adapters.jdbc;

import io.tweetpipe.domain.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * One unit of work in one transaction, on a connection of this JVM's pool; a failure becomes one line, masked, thrown
 * as {@link StoreFailure}, which fails the task, then the batch, for the engine to retry by its own rules.
 */
final class Transactions {

    private Transactions() {
    }

    interface Work {
        void run(Connection connection) throws SQLException;
    }

    static void run(JdbcSettings settings, String what, Work work) {
        Either<Rejection, Pools.Pool> pool = Pools.of(settings);
        if (pool.isLeft()) {
            throw new StoreFailure("cannot store " + what + ": " + pool.getLeft().reason(), null);
        }
        Seq<String> secrets = pool.get().credentials().secrets();
        try (Connection connection = pool.get().dataSource().getConnection()) {
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                rollback(connection);
                throw e;
            }
        } catch (SQLException e) {
            throw new StoreFailure("cannot store " + what + " in " + settings.shownUrl() + ": "
                    + describe(e, secrets), e.getStackTrace());
        }
    }

    private static void rollback(Connection connection) {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool drops it
        }
    }

    /** A driver's message on one line, masked; a batch's first failure says more than its wrapper. */
    static String describe(SQLException e, Seq<String> secrets) {
        SQLException shown = e.getNextException() != null ? e.getNextException() : e;
        String message = String.valueOf(shown.getMessage()).lines().findFirst().orElse("").strip();
        return Masking.mask(shown.getClass().getSimpleName() + ": " + message, secrets);
    }

    /**
     * What a store or sink throws when the database refuses or is gone. It carries the driver's stack but not the
     * driver's exception, whose message is not masked and which Spark would log whole.
     */
    static final class StoreFailure extends IllegalStateException {
        StoreFailure(String message, StackTraceElement[] stack) {
            super(message);
            if (stack != null) {
                setStackTrace(stack);
            }
        }
    }
}
