package io.tweetpipe.adapters.twitter.replay;

import java.util.concurrent.TimeUnit;

/**
 * Hands out turns at a steady rate. Turn {@code n} is due at {@code anchor + n / rate}, an absolute time, so the time a
 * listener takes does not add up into drift; the pacer sleeps until a turn is due and never spins.
 *
 * <p>If the caller falls behind by more than {@link #CATCH_UP_LIMIT_NANOS} (a listener that blocked, a suspended
 * machine), the schedule starts again from now instead of bursting out the whole debt at once.
 */
final class Pacer {

    static final long CATCH_UP_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final double NANOS_PER_SECOND = 1e9;

    private final double nanosPerTurn;
    private final Ticker ticker;
    private boolean started;
    private long anchor;
    private long turns;

    /** @param rate turns per second; 0 means no pacing at all */
    Pacer(double rate, Ticker ticker) {
        if (!(rate >= 0) || Double.isInfinite(rate)) {
            throw new IllegalArgumentException("rate must be finite and at least 0, got " + rate);
        }
        this.nanosPerTurn = rate == 0 ? 0 : NANOS_PER_SECOND / rate;
        this.ticker = ticker;
    }

    /** Returns when the next turn is due: at once for the first, then one period after the previous turn was due. */
    void awaitTurn() throws InterruptedException {
        if (nanosPerTurn == 0) {
            return;
        }
        long now = ticker.nanoTime();
        if (!started || now - due() > CATCH_UP_LIMIT_NANOS) {
            started = true;
            anchor = now;
            turns = 0;
        }
        long wait = due() - now;
        if (wait > 0) {
            ticker.sleepNanos(wait);
        }
        turns++;
    }

    private long due() {
        return anchor + Math.round(turns * nanosPerTurn);
    }
}
