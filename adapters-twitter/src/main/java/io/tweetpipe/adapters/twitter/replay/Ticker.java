package io.tweetpipe.adapters.twitter.replay;

import java.util.concurrent.TimeUnit;

/** Time as the replay paces itself by it: the monotonic clock and a sleep. Tests give a clock they move by hand. */
interface Ticker {

    Ticker SYSTEM = new Ticker() {
        @Override
        public long nanoTime() {
            return System.nanoTime();
        }

        @Override
        public void sleepNanos(long nanos) throws InterruptedException {
            TimeUnit.NANOSECONDS.sleep(nanos);
        }
    };

    long nanoTime();

    /** Sleeps (never spins) for about this long; interruptible. */
    void sleepNanos(long nanos) throws InterruptedException;
}
