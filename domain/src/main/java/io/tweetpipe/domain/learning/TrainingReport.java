package io.tweetpipe.domain.learning;

import io.vavr.collection.Seq;
import io.vavr.collection.Vector;
import java.util.Objects;

/**
 * What offline training did: how many examples it learnt from, how the model did on the examples held out, and where
 * the model was saved.
 */
public record TrainingReport(int trained, int heldOut, ConfusionMatrix confusion, String modelDirectory) {

    public TrainingReport {
        Objects.requireNonNull(confusion, "confusion");
        Objects.requireNonNull(modelDirectory, "modelDirectory");
    }

    public Accuracy accuracy() {
        return confusion.accuracy();
    }

    /** The report as a user reads it: counts, accuracy, the confusion matrix, where the model went. */
    public Seq<String> lines() {
        return Vector.of("trained on " + trained + " tweets, tested on " + heldOut + " held out",
                        "held-out accuracy: " + accuracy(), "")
                .appendAll(confusion.lines())
                .appendAll(Vector.of("", "model saved to " + modelDirectory));
    }
}
