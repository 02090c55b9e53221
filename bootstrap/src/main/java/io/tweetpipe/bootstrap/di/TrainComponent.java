package io.tweetpipe.bootstrap.di;

import dagger.BindsInstance;
import dagger.Component;
import io.tweetpipe.application.port.in.TrainLanguageModelUseCase;
import io.tweetpipe.bootstrap.config.PipelineConfig;
import javax.inject.Singleton;

/** The training process: {@code tweetpipe train}. */
@Singleton
@Component(modules = TrainModule.class)
public interface TrainComponent {

    TrainLanguageModelUseCase trainLanguageModel();

    @Component.Factory
    interface Factory {
        TrainComponent create(@BindsInstance PipelineConfig config);
    }
}
