package io.tweetpipe.domain.framing;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Option;

/**
 * The longest frame, in bytes, that the relay sends and the stream's receiver stores. Both ends take the one rule from
 * here, so that what the relay sends the receiver accepts, and no reader is handed a record its cap must skip.
 */
public final class FrameCap {

    /** A tweet is at most a few kilobytes; a megabyte is a broken or hostile line. */
    public static final int DEFAULT = 1 << 20;
    /** One character, the marker and a newline. */
    public static final int SMALLEST = 7;
    /** Far beyond any tweet, still small enough that one line cannot exhaust a receiver's memory. */
    public static final int LARGEST = 64 << 20;

    private FrameCap() {
    }

    /** What is wrong with a cap of that many bytes, if anything. */
    public static Option<Rejection> problem(int bytes) {
        return bytes >= SMALLEST && bytes <= LARGEST ? Option.none()
                : Option.some(Rejection.of("max frame bytes", "the frame cap is between " + SMALLEST + " and "
                        + LARGEST + " bytes, got " + bytes));
    }
}
