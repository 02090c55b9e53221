package io.tweetpipe.adapters.spark;

import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A token bucket counting frames: how many frames the receiver may hand on now, for a limit in frames per second
 * that is read anew on every call (Spark's backpressure changes it while the stream runs).
 *
 * <p>The bucket holds at most {@link #BURST_MILLIS} worth of frames (one frame at least), so after a pause the reader
 * does not hand on a second's worth at once, as Guava's limiter behind Spark's own receivers would: a batch then
 * holds what the limit allows and little more. A limit of zero, below zero or {@code Long.MAX_VALUE} (what Spark
 * reports when nothing limits the receiver) means no limit. Times are given by the caller, in nanoseconds of
 * {@link System#nanoTime}, so that the arithmetic is tested without a clock. Not thread-safe.
 */
final class FrameRate {

    static final long UNLIMITED = Long.MAX_VALUE;
    static final long BURST_MILLIS = 10;

    private final LongSupplier limit;
    private long rate = UNLIMITED;
    private double tokens;
    private long last;

    /** @param limit frames per second, read on every call */
    FrameRate(LongSupplier limit) {
        this.limit = Objects.requireNonNull(limit, "limit");
    }

    static FrameRate unlimited() {
        return new FrameRate(() -> UNLIMITED);
    }

    /** Frames that may be handed on at {@code now}; {@link #UNLIMITED} when nothing limits them. */
    long available(long now) {
        long current = limit.getAsLong();
        if (current <= 0 || current == UNLIMITED) {
            rate = UNLIMITED;
            return UNLIMITED;
        }
        if (rate == UNLIMITED) {
            tokens = burst(current);  // a limit just set starts with a full bucket, as a fresh one would
        } else {
            tokens = Math.min(burst(current), tokens + (now - last) * (current / 1e9));
        }
        rate = current;
        last = now;
        return (long) tokens;
    }

    /** Counts frames handed on; call after {@link #available} at the same moment. */
    void take(long frames) {
        if (rate != UNLIMITED) {
            tokens -= frames;
        }
    }

    /** How long from the last {@link #available} until {@code frames} more may be handed on (capped at the burst). */
    long nanosUntil(long frames) {
        if (rate == UNLIMITED) {
            return 0;
        }
        double wanted = Math.min(frames, burst(rate)) - tokens;
        return wanted <= 0 ? 0 : (long) Math.ceil(wanted * 1e9 / rate);
    }

    /** The limit as of the last {@link #available}, frames per second. */
    long rate() {
        return rate;
    }

    static double burst(long rate) {
        return Math.max(1.0, rate * (BURST_MILLIS / 1000.0));
    }
}
