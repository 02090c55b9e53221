package io.tweetpipe.bootstrap.faults;

import dagger.BindsInstance;
import dagger.Component;
import dagger.Module;
import dagger.Provides;
import dagger.multibindings.IntoSet;
import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RunningStream;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.adapters.files.FileSettings;
import io.tweetpipe.adapters.jdbc.JdbcSettings;
import io.tweetpipe.bootstrap.di.RecordsPerBatch;
import io.tweetpipe.bootstrap.config.Storage;
import io.tweetpipe.bootstrap.di.StorageModule;
import io.tweetpipe.bootstrap.di.StreamModule;
import io.tweetpipe.domain.batch.Batch;
import io.tweetpipe.domain.batch.BatchFigures;
import io.tweetpipe.domain.batch.BatchTally;
import io.tweetpipe.domain.batch.StreamOutput;
import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import javax.inject.Singleton;

/**
 * The stream job as a process of its own for fault runs, so that it can be killed ({@code SIGKILL}) and started
 * again: {@code tweetpipe stream [options]}'s configuration and {@link StreamModule}, with a sink that prints every
 * record of every batch, for {@link StreamJobProcess} to count in its parent.
 *
 * <p>With {@value #FILES} or {@value #JDBC_URL} (and {@value #JDBC_USER}) in its environment, it also stores every
 * record and result there ({@link StorageModule}), for the storing kill.
 *
 * <p>Standard output: per batch, {@code batch MILLIS N} and its N records, one a line; per batch's figures,
 * {@code figures MILLIS RECORDS PROCESSING_MS SCHEDULING_DELAY_MS}; each flushed whole, so that what a killed job had
 * printed is read whole. It stops gracefully on a line {@code stop} on standard input, or at its end.
 */
public final class StreamJobMain {

    static final String FILES = "TWEETPIPE_TEST_STORE_FILES";
    static final String JDBC_URL = "TWEETPIPE_TEST_STORE_JDBC_URL";
    static final String JDBC_USER = "TWEETPIPE_TEST_STORE_JDBC_USER";

    private StreamJobMain() {
    }

    public static void main(String[] args) throws Exception {
        RunningStream running = DaggerStreamJobMain_Graph.factory().create(Pipelines.config(args))
                .processTweetStream().start().getOrElseThrow(rejection -> new IllegalStateException(
                        rejection.toString()));
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null && !line.strip().equals("stop"); line = in.readLine()) {
                // only "stop" means anything
            }
        }
        running.stop();
        System.exit(0);
    }

    /** Every record, one a line; buffered and flushed once a batch (a line each would cost a write each). */
    static final class EveryRecordSink implements BatchSink {

        private final PrintStream out = new PrintStream(new BufferedOutputStream(
                new FileOutputStream(FileDescriptor.out), 1 << 16), false, StandardCharsets.UTF_8);

        @Override
        public synchronized void accept(StreamOutput output) {
            if (output instanceof Batch batch) {
                out.println("batch " + batch.time().toEpochMilli() + " " + batch.head().size());
                batch.head().forEach(out::println);
            } else if (output instanceof BatchFigures figures) {
                out.println("figures " + figures.time().toEpochMilli() + " " + figures.records() + " "
                        + figures.processing().toMillis() + " " + figures.schedulingDelay().toMillis());
            }
            out.flush();
        }
    }

    @Module
    abstract static class EveryRecordModule {

        private EveryRecordModule() {
        }

        @Provides
        @IntoSet
        static BatchSink batchSink() {
            return new EveryRecordSink();
        }

        @Provides
        @RecordsPerBatch
        static int recordsPerBatch() {
            return BatchTally.EVERYTHING;
        }

        @Provides
        static Storage storage() {
            io.vavr.control.Option<FileSettings> files = io.vavr.control.Option.of(System.getenv(FILES))
                    .map(directory -> FileSettings.of(directory).get());
            io.vavr.collection.List<JdbcSettings> databases = io.vavr.control.Option.of(System.getenv(JDBC_URL))
                    .map(url -> JdbcSettings.of(url).get().withUser(System.getenv(JDBC_USER))).toList();
            return new Storage(files, databases);
        }
    }

    @Singleton
    @Component(modules = {StreamModule.class, EveryRecordModule.class, StorageModule.class})
    interface Graph {

        ProcessTweetStreamUseCase processTweetStream();

        @Component.Factory
        interface Factory {
            Graph create(@BindsInstance PipelineConfig config);
        }
    }
}
