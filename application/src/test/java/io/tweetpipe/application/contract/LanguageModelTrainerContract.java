package io.tweetpipe.application.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.application.port.out.LanguageModelTrainer;
import io.tweetpipe.application.port.out.ModelInspector;
import io.tweetpipe.application.port.out.SavedModel;
import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.features.LanguageFeatures;
import io.tweetpipe.domain.learning.LabelledText;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import org.junit.jupiter.api.Test;

/**
 * What every trainer must do, run against the in-memory models (the domain's naive Bayes) and Spark's: learn
 * languages from a few sentences each, predict texts it never saw, and save a model its inspector then describes.
 */
public abstract class LanguageModelTrainerContract {

    protected abstract LanguageModelTrainer trainer() throws Exception;

    /** Reads what {@link #trainer()} saved. */
    protected abstract ModelInspector inspector() throws Exception;

    /** A directory name no model was saved to yet. */
    protected abstract String freshDirectory() throws Exception;

    private static final Seq<LabelledText> EXAMPLES = List.of(
            new LabelledText("the clinic opens late tonight", "en"),
            new LabelledText("just got my booster and feel fine", "en"),
            new LabelledText("the train was half empty today", "en"),
            new LabelledText("stay home if you feel sick", "en"),
            new LabelledText("bajan los casos en la ciudad", "es"),
            new LabelledText("el metro iba lleno otra vez", "es"),
            new LabelledText("gracias a todo el personal sanitario", "es"),
            new LabelledText("hoy hace un día precioso", "es"),
            new LabelledText("die apotheke hat heute länger offen", "de"),
            new LabelledText("der zug war fast leer", "de"),
            new LabelledText("danke an das pflegepersonal", "de"),
            new LabelledText("die neuen zahlen sind da", "de"));

    @Test
    void givenSentencesInThreeLanguages_train_predictsUnseenTextsByLanguage() throws Exception {
        Either<Rejection, Seq<String>> predicted = trainer().train(EXAMPLES,
                List.of("the clinic was empty today", "el personal iba lleno", "die zahlen sind heute da"),
                freshDirectory());

        assertEquals(List.of("en", "es", "de"), predicted.get());
    }

    @Test
    void givenATrainedModel_inspect_describesIt() throws Exception {
        String directory = freshDirectory();
        trainer().train(EXAMPLES, List.of("der zug"), directory).get();

        SavedModel model = inspector().inspect(directory).get();

        assertEquals(List.of("de", "en", "es"), model.languages().sorted());
        assertEquals(12, model.examples());
        assertEquals(LanguageFeatures.VERSION, model.features());
        assertEquals(directory, model.directory());
    }

    @Test
    void givenADirectoryWithNoModel_inspect_saysSoInOneLine() throws Exception {
        Either<Rejection, SavedModel> inspected = inspector().inspect(freshDirectory());

        assertTrue(inspected.isLeft());
        assertTrue(inspected.getLeft().reason().contains("no language model"), inspected.getLeft()::toString);
        assertFalse(inspected.getLeft().toString().contains("\n"));
    }

    @Test
    void givenNoExamples_train_refuses() throws Exception {
        assertTrue(trainer().train(List.empty(), List.of("x"), freshDirectory()).isLeft());
    }
}
