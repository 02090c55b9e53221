package io.tweetpipe.domain.learning;

import java.io.Serializable;
import java.util.Objects;

/** A tweet's body, as the stream sees it (preprocessed), and the label a model should learn for it: its language. */
public record LabelledText(String text, String label) implements Serializable {

    public LabelledText {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(label, "label");
    }
}
