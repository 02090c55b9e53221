package io.tweetpipe.bootstrap;

import io.vavr.control.Option;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Why a run should end, said once by whoever notices first: the user's signal, a failed part, or the clock. */
final class StopSignal {

    private final CountDownLatch fired = new CountDownLatch(1);
    private volatile String reason = "";

    void fire(String why) {
        if (fired.getCount() > 0) {
            reason = why;
            fired.countDown();
        }
    }

    /** Waits until fired, or until {@code runFor} has elapsed; returns why it stopped waiting. */
    String await(Option<Duration> runFor) throws InterruptedException {
        if (runFor.isEmpty()) {
            fired.await();
        } else if (!fired.await(runFor.get().toMillis(), TimeUnit.MILLISECONDS)) {
            fire("ran for " + runFor.get().toSeconds() + " s as asked");
        }
        return reason;
    }
}
