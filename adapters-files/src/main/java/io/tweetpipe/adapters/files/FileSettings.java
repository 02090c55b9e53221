package io.tweetpipe.adapters.files;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import java.io.Serializable;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the file sink writes: one folder per batch and per result under {@code directory}. Held as text, because a
 * {@link Path} does not serialize and the record store that carries these settings goes to Spark's executors.
 */
public record FileSettings(String directory) implements Serializable {

    public FileSettings {
        Objects.requireNonNull(directory, "directory");
    }

    public static Either<Rejection, FileSettings> of(String directory) {
        if (directory == null || directory.isBlank()) {
            return Either.left(Rejection.of("files-dir", "give the directory to write the batches to"));
        }
        try {
            return Either.right(new FileSettings(Path.of(directory.strip()).toAbsolutePath().normalize()
                    .toString()));
        } catch (InvalidPathException e) {
            return Either.left(Rejection.of("files-dir", "'" + directory + "' is not a path: " + e.getReason()));
        }
    }

    Path path() {
        return Path.of(directory);
    }
}
