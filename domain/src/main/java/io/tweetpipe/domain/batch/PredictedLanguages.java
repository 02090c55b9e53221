package io.tweetpipe.domain.batch;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.learning.Accuracy;
import io.vavr.collection.Map;
import java.time.Instant;
import java.util.Objects;

/**
 * What a model trained offline said of a batch: how many records it gave each language, and how often it agreed with
 * the language the wire carries, where it carries one.
 */
public record PredictedLanguages(Instant time, Analysis.ModelPredictions model, Map<String, Long> counts,
                                 Accuracy agreement) implements StreamOutput {

    public PredictedLanguages {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(counts, "counts");
        Objects.requireNonNull(agreement, "agreement");
    }
}
