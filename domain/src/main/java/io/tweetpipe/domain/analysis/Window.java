package io.tweetpipe.domain.analysis;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * A sliding window, with Spark's semantics: every {@code slide} a window ends, at a batch time, and holds the batches
 * of the {@code length} before it. Both are whole multiples of the batch interval.
 */
public record Window(Duration length, Duration slide) implements Serializable {

    public Window {
        Objects.requireNonNull(length, "length");
        Objects.requireNonNull(slide, "slide");
        if (length.isNegative() || length.isZero() || slide.isNegative() || slide.isZero()
                || slide.compareTo(length) > 0) {
            throw new IllegalArgumentException("window " + length + " sliding by " + slide);
        }
    }

    /** The window, or what is wrong with it for batches of {@code batchInterval}. */
    public static Either<Rejection, Window> of(Duration length, Duration slide, Duration batchInterval) {
        if (!isMultiple(length, batchInterval)) {
            return Either.left(Rejection.of("window", "the window (" + millis(length) + ") is not a whole multiple "
                    + "of the batch interval (" + millis(batchInterval) + ")"));
        }
        if (!isMultiple(slide, batchInterval)) {
            return Either.left(Rejection.of("slide", "the slide (" + millis(slide) + ") is not a whole multiple of "
                    + "the batch interval (" + millis(batchInterval) + ")"));
        }
        if (slide.compareTo(length) > 0) {
            return Either.left(Rejection.of("slide", "the slide (" + millis(slide) + ") is longer than its window ("
                    + millis(length) + "): some batches would be in no window"));
        }
        return Either.right(new Window(length, slide));
    }

    /** Whether a window ends at the {@code batch}-th batch (counted from 1), as Spark's windowed streams do. */
    public boolean endsAt(long batch, Duration batchInterval) {
        return batch * batchInterval.toMillis() % slide.toMillis() == 0;
    }

    /** How many batches a window holds. */
    public long batches(Duration batchInterval) {
        return length.toMillis() / batchInterval.toMillis();
    }

    private static boolean isMultiple(Duration value, Duration unit) {
        return !value.isZero() && !value.isNegative() && value.toMillis() % unit.toMillis() == 0;
    }

    static String millis(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? ms / 1000 + "s" : ms + "ms";
    }

    @Override
    public String toString() {
        return millis(length) + " window sliding by " + millis(slide);
    }
}
