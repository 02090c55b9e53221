package io.tweetpipe.adapters.spark;

import io.tweetpipe.application.contract.LanguageModelTrainerContract;
import io.tweetpipe.application.port.out.LanguageModelTrainer;
import io.tweetpipe.application.port.out.ModelInspector;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The trainer's contract against Spark ML on a local Spark, models saved to a temporary directory. */
class SparkLanguageModelsContractTest extends LanguageModelTrainerContract {

    @TempDir
    Path directory;

    private int models;

    @Override
    protected LanguageModelTrainer trainer() {
        return new SparkLanguageModels("local[2]");
    }

    @Override
    protected ModelInspector inspector() {
        return new SparkLanguageModels("local[2]");
    }

    @Override
    protected String freshDirectory() {
        return directory.resolve("model-" + ++models).toString();
    }
}
