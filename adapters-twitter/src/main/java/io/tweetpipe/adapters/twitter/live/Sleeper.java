package io.tweetpipe.adapters.twitter.live;

import java.time.Duration;

/** Waits between connection attempts; tests write the waits down instead of sleeping through minutes of them. */
@FunctionalInterface
interface Sleeper {

    Sleeper REAL = duration -> {
        if (!duration.isZero() && !duration.isNegative()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
