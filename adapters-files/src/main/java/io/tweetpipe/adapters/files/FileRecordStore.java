package io.tweetpipe.adapters.files;

import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.analysis.TweetColumns;
import io.tweetpipe.domain.tweet.TweetRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every record as a line of JSON with the columns of the SQL view ({@link TweetColumns}), one file per partition,
 * written by the executor that holds the partition, in a folder {@code tweets-TIME_IN_MS} per batch that the driver
 * commits once every partition is written. Holds nothing but its settings: it is what Spark ships to executors.
 */
public final class FileRecordStore implements RecordStore {

    static final String PREFIX = "tweets";

    private final FileSettings settings;

    FileRecordStore(FileSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public void store(Instant batchTime, int partition, Iterator<TweetRecord> records) {
        try {
            folders().writePart(PREFIX, batchTime, partition, new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return records.hasNext();
                }

                @Override
                public String next() {
                    return line(records.next());
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write partition " + partition + " of the batch of "
                    + batchTime.toEpochMilli() + " ms under " + settings.directory() + ": " + describe(e), e);
        }
    }

    @Override
    public void commit(Instant batchTime) {
        try {
            folders().commit(PREFIX, batchTime);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot commit the batch of " + batchTime.toEpochMilli() + " ms under "
                    + settings.directory() + ": " + describe(e), e);
        }
    }

    private BatchFolders folders() {
        return new BatchFolders(settings.path());
    }

    static String line(TweetRecord record) {
        Map<String, Object> fields = new LinkedHashMap<>();
        for (TweetColumns column : TweetColumns.values()) {
            fields.put(column.column(), column.valueOf(record));
        }
        return Json.value(new StringBuilder(256), fields).toString();
    }

    /** An I/O failure in a few words: what failed and on which path; the JDK's messages are a path alone. */
    static String describe(IOException e) {
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    @Override
    public String toString() {
        return "files under " + settings.directory();
    }
}
