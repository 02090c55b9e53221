package io.tweetpipe.application.port.out;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.learning.LabelledText;
import io.vavr.collection.Seq;
import io.vavr.control.Either;

/** Learns a language model from labelled texts, offline, and keeps it where a stream job can load it. */
@FunctionalInterface
public interface LanguageModelTrainer {

    /**
     * Fits a model to the examples, saves it to the directory and predicts the held-out texts with it.
     *
     * @param heldOut texts the model never saw, to test it on
     * @return the predicted language of each held-out text, in order; left when the model could not be trained or
     *     saved (what to fix)
     */
    Either<Rejection, Seq<String>> train(Seq<LabelledText> examples, Seq<String> heldOut, String directory);
}
