package io.tweetpipe.adapters.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/** A checkpoint directory for a run that needs one and was given none: removed when the run stops. */
final class TemporaryCheckpoint {

    private static final Logger LOG = LogManager.getLogger(TemporaryCheckpoint.class);

    private final Path directory;

    private TemporaryCheckpoint(Path directory) {
        this.directory = directory;
    }

    static TemporaryCheckpoint create() {
        try {
            return new TemporaryCheckpoint(Files.createTempDirectory("tweetpipe-checkpoint-"));
        } catch (IOException e) {
            throw new UncheckedIOException("no temporary checkpoint directory: " + e.getMessage(), e);
        }
    }

    String path() {
        return directory.toString();
    }

    void remove() {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            LOG.warn("could not remove the temporary checkpoint {}: {}", directory, e.getMessage());
        }
    }
}
