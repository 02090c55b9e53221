package io.tweetpipe.adapters.jdbc;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.io.Serializable;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Which database, and where its credentials are: never the password itself, which is read where a connection is
 * opened (the driver at start, each executor once), from the environment variable {@code passwordVariable}, or else
 * from the properties file ({@code user}, {@code password}). These settings travel inside the record store to the
 * executors and into Spark's checkpoint, so a password here would end up on disk.
 *
 * @param url a JDBC URL without a password: {@code jdbc:sqlite:FILE} or {@code jdbc:postgresql://HOST:PORT/DB}
 * @param user the database user, when not in the URL, the environment ({@code TWEETPIPE_JDBC_USER}) or the file
 * @param poolSize connections per JVM (driver, each executor): SQLite has one writer at a time, so one
 */
public record JdbcSettings(String url, Dialect dialect, Option<String> user, String userVariable,
                           String passwordVariable, Option<String> propertiesFile, int poolSize)
        implements Serializable {

    public static final String USER_VARIABLE = "TWEETPIPE_JDBC_USER";
    public static final String PASSWORD_VARIABLE = "TWEETPIPE_JDBC_PASSWORD";
    /** Read when present in the working directory and no other file is named. */
    public static final String DEFAULT_PROPERTIES = "tweetpipe-jdbc.properties";
    /** The embedded database's file when none is named. */
    public static final String DEFAULT_EMBEDDED_FILE = "tweetpipe.db";

    public JdbcSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(userVariable, "userVariable");
        Objects.requireNonNull(passwordVariable, "passwordVariable");
        Objects.requireNonNull(propertiesFile, "propertiesFile");
        if (Masking.carriesPassword(url)) {
            throw new IllegalArgumentException("a URL with a password: " + Masking.mask(url));
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size " + poolSize);
        }
    }

    /** The embedded database (SQLite) in {@code file}, created when absent. */
    public static Either<Rejection, JdbcSettings> embedded(String file) {
        if (file == null || file.isBlank()) {
            return Either.left(Rejection.of("db-file", "give the file of the embedded database"));
        }
        try {
            String path = Path.of(file.strip()).toAbsolutePath().normalize().toString();
            return Either.right(new JdbcSettings("jdbc:sqlite:" + path, Dialect.SQLITE, Option.none(), USER_VARIABLE,
                    PASSWORD_VARIABLE, Option.none(), 1));
        } catch (InvalidPathException e) {
            return Either.left(Rejection.of("db-file", "'" + file + "' is not a path: " + e.getReason()));
        }
    }

    /**
     * A database by its JDBC URL: SQLite or PostgreSQL. A URL that carries a password is refused, masked: it would be
     * seen in the process list and written into every checkpoint.
     */
    public static Either<Rejection, JdbcSettings> of(String url) {
        String given = url == null ? "" : url.strip();
        if (Masking.carriesPassword(given)) {
            return Either.left(Rejection.of("jdbc-url", "the URL " + Masking.mask(given) + " carries a password: "
                    + "take it out, and put it in the environment variable " + PASSWORD_VARIABLE + " or as "
                    + "password= in " + DEFAULT_PROPERTIES));
        }
        return Dialect.of(given).map(dialect -> new JdbcSettings(given, dialect, Option.none(), USER_VARIABLE,
                PASSWORD_VARIABLE, Option.none(), dialect == Dialect.SQLITE ? 1 : 4));
    }

    public JdbcSettings withUser(String user) {
        return new JdbcSettings(url, dialect, Option.of(user).filter(u -> !u.isBlank()), userVariable,
                passwordVariable, propertiesFile, poolSize);
    }

    /** Credentials from this file rather than {@value #DEFAULT_PROPERTIES}; it must exist where connections open. */
    public JdbcSettings withPropertiesFile(String file) {
        return new JdbcSettings(url, dialect, user, userVariable, passwordVariable,
                Option.some(Path.of(file).toAbsolutePath().normalize().toString()), poolSize);
    }

    /** Credentials from other environment variables: for a second database, or a test. */
    public JdbcSettings withVariables(String userVariable, String passwordVariable) {
        return new JdbcSettings(url, dialect, user, userVariable, passwordVariable, propertiesFile, poolSize);
    }

    public Either<Rejection, JdbcSettings> withPoolSize(int size) {
        if (size < 1 || size > 64) {
            return Either.left(Rejection.of("jdbc-pool", "a pool of " + size + " connections: give 1 to 64"));
        }
        if (dialect == Dialect.SQLITE && size != 1) {
            return Either.left(Rejection.of("jdbc-pool", "SQLite writes one transaction at a time: one connection"));
        }
        return Either.right(new JdbcSettings(url, dialect, user, userVariable, passwordVariable, propertiesFile,
                size));
    }

    /** The URL as it may be shown: masked, should a password have got into it after all. */
    public String shownUrl() {
        return Masking.mask(url);
    }

    @Override
    public String toString() {
        return "JdbcSettings[" + shownUrl() + user.map(u -> " as " + u).getOrElse("") + "]";
    }
}
