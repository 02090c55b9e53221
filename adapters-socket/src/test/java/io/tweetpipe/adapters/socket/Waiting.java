package io.tweetpipe.adapters.socket;

import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something another thread does; the timeout is a guard against a hang, never a measure of speed. */
final class Waiting {

    private Waiting() {
    }

    static void until(BooleanSupplier condition, Duration guard, String what) throws InterruptedException {
        long deadline = System.nanoTime() + guard.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what + " after " + guard);
            }
            Thread.sleep(2);
        }
    }
}
