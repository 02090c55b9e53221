package io.tweetpipe.bootstrap.config;

import io.tweetpipe.adapters.files.FileSettings;
import io.tweetpipe.adapters.jdbc.JdbcSettings;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Where the stream's outputs go: the console (unless left out), and what keeps them: files, databases (the embedded
 * one, PostgreSQL, or both). The console alone by default.
 */
public record Storage(boolean console, Option<FileSettings> files, Seq<JdbcSettings> databases) {

    public static final Storage NONE = new Storage(true, Option.none(), List.empty());

    /** Keeping what is given, besides the console. */
    public Storage(Option<FileSettings> files, Seq<JdbcSettings> databases) {
        this(true, files, databases);
    }

    public Storage {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(databases, "databases");
    }
}
