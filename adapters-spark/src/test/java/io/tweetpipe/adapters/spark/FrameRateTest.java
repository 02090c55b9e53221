package io.tweetpipe.adapters.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The token bucket's arithmetic, on made-up times: no clock, no sleeping. */
class FrameRateTest {

    private static final long MILLI = 1_000_000;

    @Test
    void givenNoLimit_available_isUnlimitedAndTakingChangesNothing() {
        FrameRate rate = FrameRate.unlimited();

        assertEquals(FrameRate.UNLIMITED, rate.available(0));
        rate.take(1_000_000);
        assertEquals(FrameRate.UNLIMITED, rate.available(1));
        assertEquals(0, rate.nanosUntil(1_000));
        assertEquals(FrameRate.UNLIMITED, new FrameRate(() -> 0).available(0), "0 is no limit, as in Spark");
    }

    @Test
    void givenALimit_aGreedyReader_getsTheRateAndNeverMoreThanTheRatePlusOneBurst() {
        long perSecond = 50_000;
        FrameRate rate = new FrameRate(() -> perSecond);
        Random random = new Random(7);
        long now = 1_000 * MILLI;
        long start = now;
        long handed = 0;
        for (int step = 0; step < 20_000; step++) {
            now += random.nextInt((int) (FrameRate.BURST_MILLIS * MILLI));
            long allowed = rate.available(now);
            handed += allowed;
            rate.take(allowed);
            double elapsed = (now - start) / 1e9;
            long sofar = handed;
            assertTrue(sofar <= FrameRate.burst(perSecond) + perSecond * elapsed,
                    () -> "over the limit: " + sofar + " in " + elapsed + " s");
        }
        double elapsed = (now - start) / 1e9;
        long total = handed;
        assertTrue(total >= perSecond * elapsed - 1, () -> "under the limit: " + total + " in " + elapsed + " s");
    }

    @Test
    void givenAPause_available_allowsOneBurstNotTheWholePause() {
        FrameRate rate = new FrameRate(() -> 10_000);
        rate.take(rate.available(0));

        assertEquals((long) FrameRate.burst(10_000), rate.available(5_000 * MILLI));
    }

    @Test
    void givenTheLimitChanges_available_followsIt() {
        AtomicLong limit = new AtomicLong(1_000);
        FrameRate rate = new FrameRate(limit::get);
        rate.take(rate.available(0));
        assertEquals(1, rate.available(MILLI), "a thousand a second: one a millisecond");

        limit.set(100_000);
        rate.take(rate.available(2 * MILLI));
        assertEquals(100, rate.available(3 * MILLI), "a hundred thousand a second: a hundred a millisecond");

        limit.set(FrameRate.UNLIMITED);
        assertEquals(FrameRate.UNLIMITED, rate.available(4 * MILLI));
    }

    @Test
    void givenAnEmptyBucket_nanosUntil_isTheTimeTheFramesTakeToAccrue() {
        FrameRate rate = new FrameRate(() -> 1_000);
        rate.take(rate.available(0));

        assertEquals(5 * MILLI, rate.nanosUntil(5));
        assertEquals(10 * MILLI, rate.nanosUntil(1_000), "no longer than a full bucket takes");
    }
}
