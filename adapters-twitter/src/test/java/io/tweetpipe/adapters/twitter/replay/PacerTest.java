package io.tweetpipe.adapters.twitter.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class PacerTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    /** A clock that moves only when the pacer sleeps or the test says so; every turn's time is written down. */
    static class ManualTicker implements Ticker {
        long now = 1_000_000_000L;
        final List<Long> sleeps = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleepNanos(long nanos) {
            sleeps.add(nanos);
            now += nanos;
        }

        void advance(long nanos) {
            now += nanos;
        }
    }

    @Test
    void givenRateTen_turns_areDueEveryHundredMillisecondsFromTheFirst() throws Exception {
        ManualTicker ticker = new ManualTicker();
        Pacer pacer = new Pacer(10, ticker);
        long start = ticker.now;
        List<Long> turns = new ArrayList<>();

        for (int i = 0; i < 5; i++) {
            pacer.awaitTurn();
            turns.add(ticker.now - start);
        }

        assertEquals(List.of(0L, 100 * MS, 200 * MS, 300 * MS, 400 * MS), turns);
    }

    @Test
    void givenListenerTakingTime_turns_stayOnTheScheduleWithoutDrift() throws Exception {
        ManualTicker ticker = new ManualTicker();
        Pacer pacer = new Pacer(3, ticker);
        long start = ticker.now;
        long last = 0;

        for (int i = 0; i < 300; i++) {
            pacer.awaitTurn();
            last = ticker.now - start;
            ticker.advance(7 * MS + i % 5 * MS); // what handing a tweet on costs, varying
        }

        // Turn 299 at rate 3 is due 99.666... s after the first: exactly, to the nanosecond's rounding.
        assertEquals(Math.round(299 * 1e9 / 3), last);
    }

    @Test
    void givenListenerSlowerThanTheRate_turns_followWithoutSleeping() throws Exception {
        ManualTicker ticker = new ManualTicker();
        Pacer pacer = new Pacer(100, ticker);

        for (int i = 0; i < 20; i++) {
            pacer.awaitTurn();
            ticker.advance(15 * MS);
        }

        assertEquals(List.of(), ticker.sleeps);
    }

    @Test
    void givenLongStall_pacer_startsTheScheduleAgainInsteadOfBursting() throws Exception {
        ManualTicker ticker = new ManualTicker();
        Pacer pacer = new Pacer(10, ticker);
        pacer.awaitTurn();
        pacer.awaitTurn();
        ticker.advance(TimeUnit.SECONDS.toNanos(30));

        pacer.awaitTurn(); // late: at once, and the new anchor
        pacer.awaitTurn();
        pacer.awaitTurn();

        assertEquals(List.of(100 * MS, 100 * MS, 100 * MS), ticker.sleeps);
    }

    @Test
    void givenRateZero_pacer_neverSleeps() throws Exception {
        ManualTicker ticker = new ManualTicker();
        Pacer pacer = new Pacer(0, ticker);

        for (int i = 0; i < 1000; i++) {
            pacer.awaitTurn();
        }

        assertEquals(List.of(), ticker.sleeps);
    }

    @Test
    void givenNegativeOrNaNRate_pacer_refusesIt() {
        assertThrows(IllegalArgumentException.class, () -> new Pacer(-1, new ManualTicker()));
        assertThrows(IllegalArgumentException.class, () -> new Pacer(Double.NaN, new ManualTicker()));
        assertThrows(IllegalArgumentException.class, () -> new Pacer(Double.POSITIVE_INFINITY, new ManualTicker()));
    }
}
