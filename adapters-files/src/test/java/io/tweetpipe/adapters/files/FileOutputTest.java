package io.tweetpipe.adapters.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.contract.RecordStoreContract;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.batch.Count;
import io.tweetpipe.domain.batch.Ranking;
import io.vavr.collection.List;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file sink's layout, its commit, and its faults: what the contract leaves to each store. */
class FileOutputTest {

    private static final Instant BATCH = Instant.ofEpochMilli(1_795_493_534_000L);

    @TempDir
    Path directory;

    private FileOutput open() {
        return FileOutput.open(FileSettings.of(directory.toString()).get())
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
    }

    @Test
    void givenABatch_commit_makesOneFolderNamedAsSparkNamesThem() throws Exception {
        RecordStore store = open().records();

        store.store(BATCH, 0, List.of(RecordStoreContract.text("one")).iterator());
        store.store(BATCH, 3, List.of(RecordStoreContract.text("two")).iterator());
        store.commit(BATCH);

        Path folder = directory.resolve("tweets-1795493534000");
        assertTrue(Files.isRegularFile(folder.resolve("part-00000.jsonl")));
        assertTrue(Files.isRegularFile(folder.resolve("part-00003.jsonl")));
        try (var files = Files.list(folder)) {
            assertEquals(2, files.count(), "the parts and nothing else");
        }
        assertEquals("{\"id\":null,\"created_at\":null,\"lang\":null,\"author\":null,\"body\":\"one\",\"extended\":"
                + "false,\"hashtags\":[],\"mentions\":[],\"urls\":[],\"predicted_lang\":null}",
                Files.readString(folder.resolve("part-00000.jsonl"), StandardCharsets.UTF_8).strip());
    }

    @Test
    void givenPartsStoredButNotCommitted_aReader_seesNoFolderOfTheBatch() throws Exception {
        RecordStore store = open().records();

        store.store(BATCH, 0, List.of(RecordStoreContract.text("written aside")).iterator());

        assertEquals(List.empty(), StoredFiles.folders(directory, FileRecordStore.PREFIX));
        assertEquals(List.empty(), StoredFiles.records(directory));
    }

    @Test
    void givenAStopBeforeCommitting_open_clearsWhatWasLeftAside() throws Exception {
        open().records().store(BATCH, 7, List.of(RecordStoreContract.text("from a killed run")).iterator());

        RecordStore restarted = open().records();
        restarted.store(BATCH, 0, List.of(RecordStoreContract.text("run again")).iterator());
        restarted.commit(BATCH);

        assertEquals(List.of(RecordStoreContract.text("run again")), StoredFiles.records(directory));
    }

    @Test
    void givenHostileTexts_line_isOneLineOfJsonPerRecord() {
        for (String text : RecordStoreContract.hostileTexts()) {
            String line = FileRecordStore.line(RecordStoreContract.text(text));
            assertFalse(line.contains("\n") || line.contains("\r") || line.contains("\u2028"), line);
            assertEquals(RecordStoreContract.text(text), StoredFiles.record(parse(line)));
        }
    }

    private static com.fasterxml.jackson.databind.JsonNode parse(String line) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void givenAFileWhereTheDirectoryShouldBe_open_refusesInOneLine() throws Exception {
        Path file = Files.writeString(directory.resolve("not-a-directory"), "x");

        Rejection refused = FileOutput.open(FileSettings.of(file.resolve("out").toString()).get()).getLeft();

        assertEquals("files", refused.subject());
        assertTrue(refused.reason().startsWith("cannot write to " + file.resolve("out")), refused.reason());
        assertEquals(1, refused.reason().lines().count());
    }

    /** The disk going away under the sink (unmounted, deleted): the batch fails, for the engine to retry or stop. */
    @Test
    void givenTheDirectoryGoneMidStream_storeAndCommit_failTheBatchNamingIt() throws Exception {
        Path out = directory.resolve("out");
        FileOutput output = FileOutput.open(FileSettings.of(out.toString()).get()).get();
        RecordStore store = output.records();
        store.store(BATCH, 0, List.of(RecordStoreContract.text("before")).iterator());
        BatchFolders.deleteTree(out);
        Files.writeString(out, "a file where the directory was");  // even root cannot write into that

        UncheckedIOException failed = assertThrows(UncheckedIOException.class,
                () -> store.store(BATCH.plusSeconds(1), 0, List.of(RecordStoreContract.text("after")).iterator()));
        assertTrue(failed.getMessage().startsWith("cannot write partition 0 of the batch of 1795493535000 ms under "
                + out), failed.getMessage());
        assertThrows(UncheckedIOException.class, () -> store.commit(BATCH));
        assertThrows(UncheckedIOException.class, () -> output.results().accept(
                new Ranking(BATCH, io.tweetpipe.application.contract.StoredResultsContract.HASHTAGS,
                        List.of(new Count("covid", 1)))));
    }

    @Test
    void givenAResultOfAnAnalysis_accept_writesItsOwnFolder() throws Exception {
        open().results().accept(new Ranking(BATCH, io.tweetpipe.application.contract.StoredResultsContract.HASHTAGS,
                List.of(new Count("covid", 3), new Count("mask", 1))));

        assertEquals("{\"window_end\":\"2026-11-24T04:12:14Z\",\"rank\":1,\"key\":\"covid\",\"count\":3}\n"
                        + "{\"window_end\":\"2026-11-24T04:12:14Z\",\"rank\":2,\"key\":\"mask\",\"count\":1}\n",
                Files.readString(directory.resolve("trends-hashtags-1795493534000/part-00000.jsonl")));
    }

    @Test
    void givenQueries_prefix_isOnePerQuery() {
        assertEquals("sql-", FileResultSink.queryPrefix("SELECT 1").substring(0, 4));
        assertEquals(20, FileResultSink.queryPrefix("SELECT 1").length());
        assertFalse(FileResultSink.queryPrefix("SELECT 1").equals(FileResultSink.queryPrefix("SELECT 2")));
    }
}
