package io.tweetpipe.adapters.jdbc;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One connection pool per database and JVM, made the first time a store or sink of this JVM needs it (on an
 * executor, its first partition), with the credentials found there; never in a constructor, never serialized.
 */
final class Pools {

    /** How long a task waits for a connection before its batch fails: a server that is down is not waited for. */
    static final long CONNECTION_TIMEOUT_MS = 10_000;
    /**
     * SQLite's one connection is shared by the partitions of a batch, one transaction after the other: a task may wait
     * for the others' inserts, which a big batch makes long. A file that cannot be opened fails at once regardless.
     */
    static final long SQLITE_WAIT_MS = 120_000;

    private static final Map<JdbcSettings, Pool> POOLS = new ConcurrentHashMap<>();

    private Pools() {
    }

    /** A pool and what to mask in a line about it. */
    record Pool(HikariDataSource dataSource, Credentials credentials) {
    }

    static Either<Rejection, Pool> of(JdbcSettings settings) {
        Pool pool = POOLS.get(settings);
        if (pool != null) {
            return Either.right(pool);
        }
        synchronized (POOLS) {
            pool = POOLS.get(settings);
            if (pool != null) {
                return Either.right(pool);
            }
            Either<Rejection, Pool> made = Credentials.find(settings).map(credentials ->
                    new Pool(new HikariDataSource(config(settings, credentials)), credentials));
            made.forEach(made1 -> POOLS.put(settings, made1));
            return made;
        }
    }

    /** Closes this JVM's pool for these settings, if it made one. */
    static void close(JdbcSettings settings) {
        Pool pool = POOLS.remove(settings);
        if (pool != null) {
            pool.dataSource().close();
        }
    }

    private static HikariConfig config(JdbcSettings settings, Credentials credentials) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("tweetpipe-" + settings.dialect().name().toLowerCase(java.util.Locale.ROOT));
        config.setJdbcUrl(settings.url());
        credentials.user().forEach(config::setUsername);
        credentials.password().forEach(config::setPassword);
        config.setMaximumPoolSize(settings.poolSize());
        config.setMinimumIdle(0);
        config.setConnectionTimeout(settings.dialect() == Dialect.SQLITE ? SQLITE_WAIT_MS : CONNECTION_TIMEOUT_MS);
        config.setInitializationFailTimeout(-1);  // the first getConnection says what is wrong, as a value
        config.setAutoCommit(false);
        if (settings.dialect() == Dialect.SQLITE) {
            // A reader in another process (sqlite3, a notebook) never blocks the writer, nor the writer it.
            config.addDataSourceProperty("journal_mode", "WAL");
            config.addDataSourceProperty("synchronous", "NORMAL");
            config.addDataSourceProperty("busy_timeout", Long.toString(SQLITE_WAIT_MS));
        } else {
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
            config.addDataSourceProperty("ApplicationName", "tweetpipe");
        }
        return config;
    }
}
