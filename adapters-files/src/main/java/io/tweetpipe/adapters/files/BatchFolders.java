package io.tweetpipe.adapters.files;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Comparator;
import java.util.Iterator;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * One folder per batch and output under a directory, named as Spark's {@code saveAs*Files} name theirs
 * ({@code prefix-TIME_IN_MS}), written aside and then committed by renames, so that a reader never sees a half-written
 * folder. Aside means under {@code _pending}, which Spark, Hadoop and shell globs such as {@code tweets-*} skip.
 *
 * <p>A part written again (a task retried) replaces the earlier one, and a folder committed again (a batch run again
 * after a restart) replaces the earlier folder: an output is there once, however often it was written.
 */
final class BatchFolders {

    static final String PENDING = "_pending";
    static final String PART_SUFFIX = ".jsonl";

    private final Path directory;

    BatchFolders(Path directory) {
        this.directory = directory;
    }

    static String name(String prefix, Instant time) {
        return prefix + "-" + time.toEpochMilli();
    }

    static String part(int partition) {
        return String.format("part-%05d%s", partition, PART_SUFFIX);
    }

    Path committed(String prefix, Instant time) {
        return directory.resolve(name(prefix, time));
    }

    private Path pending(String prefix, Instant time) {
        return directory.resolve(PENDING).resolve(name(prefix, time));
    }

    /**
     * Writes one part of a pending folder: to a file of its own first, then renamed over the part, so a part is whole
     * or absent. The directory itself must exist: one that has gone (deleted, unmounted) fails the write.
     */
    void writePart(String prefix, Instant time, int partition, Iterator<String> lines) throws IOException {
        Path folder = pending(prefix, time);
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "the output directory is gone");
        }
        Files.createDirectories(folder);
        Path aside = folder.resolve("." + part(partition) + "." + UUID.randomUUID());
        try {
            try (BufferedWriter out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(aside,
                    StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), StandardCharsets.UTF_8), 1 << 16)) {
                while (lines.hasNext()) {
                    out.write(lines.next());
                    out.write('\n');
                }
            }
            Files.move(aside, folder.resolve(part(partition)), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(aside);
        }
    }

    /** Writes a file beside the parts of a pending folder (a query's text). */
    void writeFile(String prefix, Instant time, String file, String content) throws IOException {
        Path folder = pending(prefix, time);
        Files.createDirectories(folder);
        Files.writeString(folder.resolve(file), content, StandardCharsets.UTF_8);
    }

    /**
     * Makes a pending folder the committed one, by rename; one committed before is moved aside first and deleted
     * after, so a reader sees the old folder, briefly none, then the new one, never a mix. A batch with no part (no
     * partition, or an empty stream) gets an empty folder, as Spark writes one.
     */
    void commit(String prefix, Instant time) throws IOException {
        Path folder = pending(prefix, time);
        if (!Files.isDirectory(directory)) {
            throw new NoSuchFileException(directory.toString(), null, "the output directory is gone");
        }
        Files.createDirectories(folder);
        Path target = committed(prefix, time);
        Path replaced = directory.resolve(PENDING).resolve("replaced-" + name(prefix, time) + "-" + UUID.randomUUID());
        boolean hadOne = false;
        try {
            Files.move(target, replaced, StandardCopyOption.ATOMIC_MOVE);
            hadOne = true;
        } catch (NoSuchFileException none) {
            // the first time this output is committed
        }
        try {
            Files.move(folder, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException raced) {
            throw new IOException(target + " was written by someone else while committing", raced);
        }
        if (hadOne) {
            deleteTree(replaced);
        }
    }

    /** Forgets what a run that stopped before committing left pending: a batch run again writes all of it anew. */
    void clearPending() throws IOException {
        deleteTree(directory.resolve(PENDING));
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(path);
            }
        }
    }
}
