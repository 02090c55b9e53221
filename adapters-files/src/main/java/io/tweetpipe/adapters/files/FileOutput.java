package io.tweetpipe.adapters.files;

import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The file sink, checked at start: the directory exists or is created, and takes a file. What a run that stopped
 * before committing left aside is cleared (a batch that runs again writes all its parts anew).
 */
public final class FileOutput {

    private final FileSettings settings;

    private FileOutput(FileSettings settings) {
        this.settings = settings;
    }

    /** The sink, or one line saying why the directory cannot take it: for the launcher to print, exit code 1. */
    public static Either<Rejection, FileOutput> open(FileSettings settings) {
        Objects.requireNonNull(settings, "settings");
        Path directory = settings.path();
        try {
            Files.createDirectories(directory);
            Path probe = Files.createTempFile(directory, ".tweetpipe-probe", ".tmp");
            Files.delete(probe);
            new BatchFolders(directory).clearPending();
            return Either.right(new FileOutput(settings));
        } catch (IOException | SecurityException e) {
            return Either.left(Rejection.of("files", "cannot write to " + directory + ": "
                    + (e instanceof IOException io ? FileRecordStore.describe(io) : e.toString())));
        }
    }

    /** Every record, per batch, written from where the engine holds them. */
    public RecordStore records() {
        return new FileRecordStore(settings);
    }

    /** Every ranking, totals, query result and learning result, on the driver. */
    public BatchSink results() {
        return new FileResultSink(settings);
    }

    public FileSettings settings() {
        return settings;
    }
}
