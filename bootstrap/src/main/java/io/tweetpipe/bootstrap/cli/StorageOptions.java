package io.tweetpipe.bootstrap.cli;

import io.tweetpipe.adapters.files.FileSettings;
import io.tweetpipe.adapters.jdbc.JdbcSettings;
import io.tweetpipe.bootstrap.config.Storage;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Validation;
import picocli.CommandLine;

/** Where the outputs go (stream and demo): the console, files, the embedded database, PostgreSQL. */
final class StorageOptions {

    static final String HEADING = "%nOutputs:%n";

    /** The outputs a run can have. */
    enum Sink { CONSOLE, FILES, DB, POSTGRES }

    @CommandLine.Option(names = "--sinks", paramLabel = "LIST", split = ",", defaultValue = "console",
            description = "where every batch and result goes, several at once: console, files (JSON lines under "
                    + "--files-dir), db (the embedded SQLite database --db-file), postgres (--jdbc-url) (default: "
                    + "${DEFAULT-VALUE})")
    java.util.List<Sink> sinks;
    @CommandLine.Option(names = "--files-dir", paramLabel = "DIR", defaultValue = "tweetpipe-out",
            description = "with files: the directory, one folder per batch (default: ${DEFAULT-VALUE})")
    String filesDir;
    @CommandLine.Option(names = "--db-file", paramLabel = "FILE", defaultValue = JdbcSettings.DEFAULT_EMBEDDED_FILE,
            description = "with db: the SQLite file (default: ${DEFAULT-VALUE})")
    String dbFile;
    @CommandLine.Option(names = "--jdbc-url", paramLabel = "URL", defaultValue = "${env:TWEETPIPE_JDBC_URL}",
            description = "with postgres: e.g. jdbc:postgresql://127.0.0.1:5432/tweets, without a password; the "
                    + "user and password come from TWEETPIPE_JDBC_USER and TWEETPIPE_JDBC_PASSWORD or from "
                    + JdbcSettings.DEFAULT_PROPERTIES + " (environment: TWEETPIPE_JDBC_URL)")
    String jdbcUrl;

    Validation<Seq<Rejection>, Storage> storage() {
        List<Sink> chosen = List.ofAll(sinks).distinct();
        if (chosen.isEmpty()) {
            return Validation.invalid(List.of(Rejection.of("--sinks", "give at least one: console, files, db, "
                    + "postgres")));
        }
        Either<Rejection, Option<FileSettings>> files = chosen.contains(Sink.FILES)
                ? FileSettings.of(filesDir).map(Option::some) : Either.right(Option.none());
        List<Either<Rejection, JdbcSettings>> databases = List.empty();
        if (chosen.contains(Sink.DB)) {
            databases = databases.append(JdbcSettings.embedded(dbFile));
        }
        if (chosen.contains(Sink.POSTGRES)) {
            databases = databases.append(jdbcUrl == null || jdbcUrl.isBlank()
                    ? Either.left(Rejection.of("--jdbc-url", "postgres needs a JDBC URL, e.g. "
                            + "jdbc:postgresql://127.0.0.1:5432/tweets"))
                    : JdbcSettings.of(jdbcUrl.strip()));
        }
        Seq<Rejection> problems = databases.flatMap(Either::swap).prependAll(files.swap());
        return problems.nonEmpty() ? Validation.invalid(problems) : Validation.valid(new Storage(
                chosen.contains(Sink.CONSOLE), files.get(), databases.map(Either::get)));
    }
}
