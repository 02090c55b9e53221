package io.tweetpipe.bootstrap.di;

import io.tweetpipe.adapters.files.FileSettings;
import io.tweetpipe.adapters.jdbc.JdbcSettings;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;
import java.util.Objects;

/**
 * Where the stream keeps what it computes, besides what the console shows: files, databases (the embedded one,
 * PostgreSQL, or both). Nothing by default.
 */
public record Storage(Option<FileSettings> files, Seq<JdbcSettings> databases) {

    public static final Storage NONE = new Storage(Option.none(), List.empty());

    public Storage {
        Objects.requireNonNull(files, "files");
        Objects.requireNonNull(databases, "databases");
    }
}
