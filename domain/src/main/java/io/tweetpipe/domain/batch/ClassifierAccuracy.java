package io.tweetpipe.domain.batch;

import io.tweetpipe.domain.analysis.Analysis;
import io.tweetpipe.domain.learning.Accuracy;
import io.tweetpipe.domain.learning.Prequential;
import java.time.Instant;
import java.util.Objects;

/**
 * The online classifier after a batch, judged test-then-train: how it did on this batch's labelled tweets before
 * learning from them, and on every labelled tweet since the start.
 *
 * @param unjudged labelled tweets learnt from without a prediction to judge, since the start (the first labelled
 *     batch, before the model knew any language)
 * @param unlabelled tweets of this batch with no language to learn from
 * @param languages how many languages the model knows after this batch
 */
public record ClassifierAccuracy(Instant time, Analysis.LanguageClassifier classifier, Accuracy batch,
                                 Accuracy cumulative, long unjudged, long unlabelled, int languages)
        implements StreamOutput {

    public ClassifierAccuracy {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(classifier, "classifier");
        Objects.requireNonNull(batch, "batch");
        Objects.requireNonNull(cumulative, "cumulative");
    }

    /** The report after a batch judged and learnt, {@code sinceStart} including it. */
    public static ClassifierAccuracy of(Instant time, Analysis.LanguageClassifier classifier, Prequential batch,
                                        Prequential sinceStart) {
        return new ClassifierAccuracy(time, classifier, batch.judged(), sinceStart.judged(), sinceStart.unjudged(),
                batch.unlabelled(), sinceStart.learnt().labels().size());
    }
}
