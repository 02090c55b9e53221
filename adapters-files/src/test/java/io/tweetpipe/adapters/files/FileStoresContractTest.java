package io.tweetpipe.adapters.files;

import io.tweetpipe.application.contract.RecordStoreContract;
import io.tweetpipe.application.contract.StoredResultsContract;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.Seq;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.io.TempDir;

/** The record store's and the stored results' contracts against real files, read back with Jackson. */
class FileStoresContractTest {

    private static FileOutput open(Path directory) {
        return FileOutput.open(FileSettings.of(directory.toString()).get())
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
    }

    @Nested
    class Records extends RecordStoreContract {
        @TempDir
        Path directory;

        @Override
        protected RecordStore store() {
            return open(directory).records();
        }

        @Override
        protected Seq<TweetRecord> stored() throws Exception {
            return StoredFiles.records(directory);
        }
    }

    @Nested
    class Results extends StoredResultsContract {
        @TempDir
        Path directory;

        @Override
        protected BatchSink sink() {
            return open(directory).results();
        }

        @Override
        protected Seq<String> storedLines() throws Exception {
            return StoredFiles.resultLines(directory);
        }
    }
}
