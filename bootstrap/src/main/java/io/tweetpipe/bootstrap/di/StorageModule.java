package io.tweetpipe.bootstrap.di;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.ElementsIntoSet;
import io.tweetpipe.adapters.files.FileOutput;
import io.tweetpipe.adapters.jdbc.JdbcOutput;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.bootstrap.config.Storage;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.inject.Singleton;

/**
 * The stores the user chose ({@link Storage}), each checked as the graph is built: a directory that cannot be written,
 * a database that is down or refuses the user, stops the start with one line ({@link StartupFailure}, exit code 1).
 * Each adds its record store and its results sink to the stream's sets.
 */
@Module
public abstract class StorageModule {

    private StorageModule() {
    }

    /** Opened outputs, kept for the life of the graph. */
    public record Opened(Seq<FileOutput> files, Seq<JdbcOutput> databases) {
    }

    @Provides
    @Singleton
    static Opened opened(Storage storage) {
        Seq<FileOutput> files = storage.files().map(settings -> FileOutput.open(settings)
                .getOrElseThrow(StartupFailure::new)).toList();
        List<JdbcOutput> databases = List.empty();
        try {
            for (var settings : storage.databases()) {
                databases = databases.append(JdbcOutput.open(settings).getOrElseThrow(StartupFailure::new));
            }
        } catch (StartupFailure failure) {
            databases.forEach(JdbcOutput::close);
            throw failure;
        }
        return new Opened(files, databases);
    }

    @Provides
    @ElementsIntoSet
    static Set<RecordStore> stores(Opened opened) {
        Set<RecordStore> stores = new LinkedHashSet<>();
        opened.files().forEach(files -> stores.add(files.records()));
        opened.databases().forEach(database -> stores.add(database.records()));
        return stores;
    }

    @Provides
    @ElementsIntoSet
    static Set<BatchSink> sinks(Opened opened) {
        Set<BatchSink> sinks = new LinkedHashSet<>();
        opened.files().forEach(files -> sinks.add(files.results()));
        opened.databases().forEach(database -> sinks.add(database.results()));
        return sinks;
    }
}
