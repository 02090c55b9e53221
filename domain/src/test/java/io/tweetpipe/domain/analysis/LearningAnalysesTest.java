package io.tweetpipe.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tweetpipe.domain.preprocessing.Preprocessing;
import io.tweetpipe.domain.tweet.Entities;
import io.tweetpipe.domain.tweet.TweetRecord;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LearningAnalysesTest {

    private static final TweetRecord RECORD = new TweetRecord(Option.some(1L), Option.none(), Option.some("en"),
            Option.none(), "good morning", false, Entities.NONE);

    @Test
    void givenTwoModels_streamJob_refusesThem() {
        Analysis.ModelPredictions model = new Analysis.ModelPredictions("model");

        assertThrows(IllegalArgumentException.class, () -> new StreamJob(Preprocessing.standard(),
                List.of(model, new Analysis.ModelPredictions("other"))));
        assertEquals(Option.some(model), new StreamJob(Preprocessing.standard(),
                List.of(new Analysis.Sample(1), model)).model());
        assertEquals(Option.none(), StreamJob.sampling(10).model());
    }

    @Test
    void givenAWireRecord_withPredictedLang_addsThePredictionAndKeepsTheRest() {
        TweetRecord predicted = RECORD.withPredictedLang("en");

        assertEquals(Option.none(), RECORD.predictedLang(), "the seven-field constructor predicts nothing");
        assertEquals(Option.some("en"), predicted.predictedLang());
        assertEquals(RECORD, new TweetRecord(predicted.id(), predicted.createdAt(), predicted.lang(),
                predicted.author(), predicted.body(), predicted.extended(), predicted.entities()));
        assertEquals("en", TweetColumns.PREDICTED_LANG.valueOf(predicted));
        assertEquals(null, TweetColumns.PREDICTED_LANG.valueOf(RECORD));
        assertEquals("predicted_lang", TweetColumns.all().last().column());
    }

    @Test
    void givenBadSettings_learningAnalyses_refuseThem() {
        assertThrows(IllegalArgumentException.class, () -> new Analysis.Clusters(1, Duration.ofSeconds(10)));
        assertThrows(IllegalArgumentException.class, () -> new Analysis.Clusters(9, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> new Analysis.LanguageClassifier(0));
        assertThrows(IllegalArgumentException.class, () -> new Analysis.ModelPredictions(" "));
        assertEquals(Analysis.Clusters.DIMENSION, new Analysis.Clusters(9, Duration.ofSeconds(10)).dimension());
    }
}
