package io.tweetpipe.bootstrap.di;

import dagger.Module;
import dagger.Provides;
import dagger.multibindings.Multibinds;
import io.tweetpipe.adapters.spark.KafkaSource;
import io.tweetpipe.adapters.spark.SparkSettings;
import io.tweetpipe.adapters.spark.SparkStreamEngine;
import io.tweetpipe.application.port.in.ProcessTweetStreamUseCase;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.application.port.out.RecordStore;
import io.tweetpipe.application.port.out.StreamEngine;
import io.tweetpipe.application.service.ProcessTweetStreamService;
import io.tweetpipe.bootstrap.broker.EmbeddedKafka;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.analysis.StreamJob;
import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.util.Set;

/**
 * The seed's second program: Spark Streaming on the relay's socket, the job's analyses, and their results handed to
 * every sink a module adds to the set ({@code @IntoSet}), every record to every store.
 */
@Module(includes = KafkaModule.class)
public abstract class StreamModule {

    private static final System.Logger LOG = System.getLogger("tweetpipe.stream");

    private StreamModule() {
    }

    @Multibinds
    abstract Set<BatchSink> sinks();

    @Multibinds
    abstract Set<RecordStore> stores();

    @Provides
    static StreamEngine streamEngine(PipelineConfig config, Option<EmbeddedKafka> embedded) {
        SparkSettings spark = config.spark().getOrElseThrow(() ->
                new IllegalStateException("the " + config.mode() + " mode's settings have no stream"));
        return config.kafka().<StreamEngine>map(kafka -> new SparkStreamEngine(spark, new KafkaSource(
                        KafkaModule.bootstrapServers(kafka, embedded), kafka.topic(), kafka.group(), kafka.start())))
                .getOrElse(() -> new SparkStreamEngine(spark));
    }

    /** Each batch's sample first, as the tutorial prints it, then the analyses asked for. */
    @Provides
    static StreamJob job(PipelineConfig config, @RecordsPerBatch int recordsPerBatch) {
        return new StreamJob(Preprocessing.standard(),
                config.analyses().prepend(new Analysis.Sample(recordsPerBatch)));
    }

    @Provides
    static ProcessTweetStreamUseCase processTweetStream(StreamEngine engine, StreamJob job, Set<BatchSink> sinks,
                                                        Set<RecordStore> stores) {
        return new ProcessTweetStreamService(engine, job, List.ofAll(sinks), List.ofAll(stores),
                failure -> LOG.log(System.Logger.Level.WARNING, "{0}", failure));
    }
}
