package io.tweetpipe.bootstrap.storing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dagger.BindsInstance;
import dagger.Component;
import dagger.multibindings.Multibinds;
import io.tweetpipe.adapters.files.FileSettings;
import io.tweetpipe.adapters.jdbc.JdbcSettings;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.bootstrap.di.StartupFailure;
import io.tweetpipe.bootstrap.config.Storage;
import io.tweetpipe.bootstrap.di.StorageModule;
import io.vavr.collection.List;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import javax.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage module as a stream component uses it: the chosen stores in the sets, a bad one stopping the start. */
class StorageGraphTest {

    @dagger.Module
    abstract static class EmptySets {
        @Multibinds
        abstract Set<RecordStore> stores();

        @Multibinds
        abstract Set<BatchSink> sinks();
    }

    @Singleton
    @Component(modules = {StorageModule.class, EmptySets.class})
    interface StorageGraph {
        Set<RecordStore> stores();

        Set<BatchSink> sinks();

        StorageModule.Opened opened();

        @Component.Factory
        interface Factory {
            StorageGraph create(@BindsInstance Storage storage);
        }
    }

    @Test
    void givenFilesAndTheEmbeddedDatabase_graph_addsAStoreAndASinkForEach(@TempDir Path directory) {
        Storage storage = new Storage(FileSettings.of(directory.resolve("out").toString()).toOption(),
                List.of(JdbcSettings.embedded(directory.resolve("tweetpipe.db").toString()).get()));

        StorageGraph graph = DaggerStorageGraphTest_StorageGraph.factory().create(storage);

        assertEquals(2, graph.stores().size());
        assertEquals(2, graph.sinks().size());
        assertTrue(Files.isRegularFile(directory.resolve("tweetpipe.db")), "the tables were created at start");
        graph.opened().databases().forEach(database -> database.close());
    }

    @Test
    void givenNothingToStore_graph_addsNothing() {
        StorageGraph graph = DaggerStorageGraphTest_StorageGraph.factory().create(Storage.NONE);

        assertEquals(0, graph.stores().size());
        assertEquals(0, graph.sinks().size());
    }

    @Test
    void givenADirectoryThatCannotBeWritten_graph_stopsTheStartInOneLine(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("a-file"), "x");
        Storage storage = new Storage(FileSettings.of(file.resolve("out").toString()).toOption(), List.empty());

        StartupFailure failure = assertThrows(StartupFailure.class,
                () -> DaggerStorageGraphTest_StorageGraph.factory().create(storage).stores());

        assertEquals("files", failure.rejection().subject());
        assertEquals(1, failure.getMessage().lines().count());
    }
}
