package io.tweetpipe.domain.learning;

import io.vavr.control.Option;
import java.io.Serializable;

/** How many predictions were judged against a label, and how many of them were right. */
public record Accuracy(long correct, long judged) implements Serializable {

    public static final Accuracy NONE = new Accuracy(0, 0);

    public Accuracy {
        if (correct < 0 || judged < correct) {
            throw new IllegalArgumentException(correct + " right of " + judged);
        }
    }

    public Accuracy plus(Accuracy other) {
        return new Accuracy(correct + other.correct, judged + other.judged);
    }

    public Accuracy plus(boolean right) {
        return new Accuracy(correct + (right ? 1 : 0), judged + 1);
    }

    /** The share right, or none before anything was judged. */
    public Option<Double> rate() {
        return judged == 0 ? Option.none() : Option.some((double) correct / judged);
    }

    /** {@code 0.953 (2,860 of 3,000)}, or {@code - (0 judged)}. */
    @Override
    public String toString() {
        return rate().map(r -> String.format(java.util.Locale.ROOT, "%.3f", r)).getOrElse("-")
                + String.format(java.util.Locale.ROOT, " (%,d of %,d)", correct, judged);
    }
}
