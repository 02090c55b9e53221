package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Every raw message the stream sends, one a line, exactly as received: the file the replay source reads back. Keep-alive
 * blank lines are not messages and are left out. Appends, so a restarted relay adds to its recording; each line is
 * flushed as it is written, so a crash loses at most the line being written. If writing fails midway the stream goes
 * on unrecorded, with one log line saying so.
 */
final class Recording implements AutoCloseable {

    static final Recording NONE = new Recording(null, null);
    private static final System.Logger LOG = System.getLogger(Recording.class.getName());

    private final Path file;
    private BufferedWriter writer;

    private Recording(Path file, BufferedWriter writer) {
        this.file = file;
        this.writer = writer;
    }

    static Either<Rejection, Recording> open(Option<Path> file) {
        if (file.isEmpty()) {
            return Either.right(NONE);
        }
        Path path = file.get();
        return Try.of(() -> Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE, StandardOpenOption.APPEND))
                .toEither()
                .mapLeft(e -> Rejection.of("recording", path + " cannot be written ("
                        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")"))
                .map(writer -> new Recording(path, writer));
    }

    synchronized void write(String raw) {
        if (writer == null) {
            return;
        }
        try {
            writer.write(raw);
            writer.write('\n');
            writer.flush();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.ERROR, "recording to " + file + " failed (" + e.getMessage()
                    + "); the stream goes on unrecorded");
            closeQuietly();
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (writer != null) {
            BufferedWriter closing = writer;
            writer = null;
            Try.run(closing::close);
        }
    }
}
