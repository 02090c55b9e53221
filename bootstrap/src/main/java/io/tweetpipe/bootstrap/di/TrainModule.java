package io.tweetpipe.bootstrap.di;

import dagger.Module;
import dagger.Provides;
import io.tweetpipe.adapters.spark.SparkLanguageModels;
import io.tweetpipe.adapters.twitter.replay.ReplayTweetSource;
import io.tweetpipe.application.port.in.TrainLanguageModelUseCase;
import io.tweetpipe.application.port.out.LanguageModelTrainer;
import io.tweetpipe.application.port.out.TweetRecording;
import io.tweetpipe.application.service.TrainLanguageModelService;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import io.tweetpipe.domain.preprocessing.Preprocessing;

/** {@code tweetpipe train}: a recording read by the replay source, a language model trained on Spark ML. */
@Module
public abstract class TrainModule {

    private TrainModule() {
    }

    @Provides
    static TweetRecording recording(PipelineConfig config) {
        return new ReplayTweetSource(config.replay());
    }

    @Provides
    static LanguageModelTrainer trainer(PipelineConfig config) {
        return new SparkLanguageModels(training(config).master());
    }

    /** The stream's own preprocessing, so that the model learns the bodies it will be asked about. */
    @Provides
    static TrainLanguageModelUseCase trainLanguageModel(TweetRecording recording, LanguageModelTrainer trainer) {
        return new TrainLanguageModelService(recording, trainer, Preprocessing.standard());
    }

    static PipelineConfig.Training training(PipelineConfig config) {
        return config.training().getOrElseThrow(() ->
                new IllegalStateException("the " + config.mode() + " mode's settings have no training"));
    }
}
