package io.tweetpipe.adapters.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.vavr.collection.List;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimitedWarningTest {

    private final CapturingLogger log = new CapturingLogger();
    private final AtomicLong now = new AtomicLong(1_000);
    private final RateLimitedWarning warning = new RateLimitedWarning(log, "client x misses frames",
            Duration.ofSeconds(10), now::get);

    @Test
    void givenManyOccurrencesWithinOneInterval_occurred_logsOnceAndCountsEach() {
        for (int i = 0; i < 1_000; i++) {
            warning.occurred();
        }

        assertEquals(List.of("client x misses frames (1 so far)"), log.lines(Level.WARNING));
        assertEquals(1_000, warning.count());
    }

    @Test
    void givenIntervalPassed_occurred_logsAgainWithTheRunningCount() {
        warning.occurred();
        warning.occurred();
        now.addAndGet(Duration.ofSeconds(9).toNanos());
        warning.occurred();
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        warning.occurred();

        assertEquals(List.of("client x misses frames (1 so far)", "client x misses frames (4 so far)"),
                log.lines(Level.WARNING));
    }
}
