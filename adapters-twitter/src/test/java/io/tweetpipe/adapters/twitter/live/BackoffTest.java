package io.tweetpipe.adapters.twitter.live;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static List<Duration> waits(Backoff backoff, Backoff.Failure failure, int times) {
        List<Duration> out = new ArrayList<>();
        for (int i = 0; i < times; i++) {
            out.add(backoff.after(failure));
        }
        return out;
    }

    @Test
    void givenNetworkErrors_after_addsAQuarterSecondEachTryUpToSixteenSeconds() {
        List<Duration> waits = waits(new Backoff(ReconnectPolicy.TWITTER), Backoff.Failure.NETWORK, 70);

        assertEquals(Duration.ofMillis(250), waits.get(0));
        assertEquals(Duration.ofMillis(500), waits.get(1));
        assertEquals(Duration.ofMillis(16_000), waits.get(63));
        assertEquals(Duration.ofMillis(16_000), waits.get(69));
    }

    @Test
    void givenHttpErrors_after_startsAtFiveSecondsAndDoublesUpTo320() {
        assertEquals(List.of(5L, 10L, 20L, 40L, 80L, 160L, 320L, 320L, 320L),
                waits(new Backoff(ReconnectPolicy.TWITTER), Backoff.Failure.HTTP, 9).stream()
                        .map(Duration::toSeconds).toList());
    }

    @Test
    void givenRateLimits_after_startsAtOneMinuteAndDoublesUpToTheCap() {
        List<Duration> waits = waits(new Backoff(ReconnectPolicy.TWITTER), Backoff.Failure.RATE_LIMITED, 100);

        assertEquals(List.of(Duration.ofMinutes(1), Duration.ofMinutes(2), Duration.ofMinutes(4),
                Duration.ofMinutes(8), Duration.ofMinutes(16), Duration.ofMinutes(16)), waits.subList(0, 6));
        assertEquals(Duration.ofMinutes(16), waits.get(99)); // no overflow however long it lasts
    }

    @Test
    void givenAWorkingConnectionDropped_after_isImmediateAndStartsEveryCountAgain() {
        Backoff backoff = new Backoff(ReconnectPolicy.TWITTER);
        waits(backoff, Backoff.Failure.HTTP, 3);
        waits(backoff, Backoff.Failure.NETWORK, 3);
        waits(backoff, Backoff.Failure.RATE_LIMITED, 2);

        assertEquals(Duration.ZERO, backoff.after(Backoff.Failure.DROPPED));
        assertEquals(Duration.ofSeconds(5), backoff.after(Backoff.Failure.HTTP));
        assertEquals(Duration.ofMillis(250), backoff.after(Backoff.Failure.NETWORK));
        assertEquals(Duration.ofMinutes(1), backoff.after(Backoff.Failure.RATE_LIMITED));
    }
}
