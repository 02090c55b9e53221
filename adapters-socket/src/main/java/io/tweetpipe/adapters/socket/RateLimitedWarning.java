package io.tweetpipe.adapters.socket;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * One warning line per interval, however often the thing happens, with the running count. A stalled reader misses
 * hundreds of thousands of frames a second; a line for each would bury the log and slow the relay down.
 */
final class RateLimitedWarning {

    private final Logger log;
    private final String what;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private long count;
    private long loggedAt;
    private boolean logged;

    /**
     * @param what the sentence to log, to which the running count is appended
     * @param nanoClock {@link System#nanoTime} but in tests
     */
    RateLimitedWarning(Logger log, String what, Duration interval, LongSupplier nanoClock) {
        this.log = log;
        this.what = what;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
    }

    /** Counts one occurrence, and logs if nothing was logged for an interval. */
    synchronized void occurred() {
        count++;
        long now = nanoClock.getAsLong();
        if (!logged || now - loggedAt >= intervalNanos) {
            logged = true;
            loggedAt = now;
            log.log(Level.WARNING, what + " (" + count + " so far)");
        }
    }

    synchronized long count() {
        return count;
    }
}
