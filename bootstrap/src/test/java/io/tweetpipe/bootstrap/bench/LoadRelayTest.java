package io.tweetpipe.bootstrap.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LoadRelayTest {

    private static final double SECOND = 1e9;

    @Test
    void givenAClimbOfFiveSeconds_due_climbsEvenlyThenHoldsTheRate() {
        double climb = 5 * SECOND;

        assertEquals(0, LoadRelay.due(0, 1_000, climb));
        assertEquals(2_500, LoadRelay.due((long) (5 * SECOND), 1_000, climb), "half the rate, on average, climbing");
        assertEquals(3_500, LoadRelay.due((long) (6 * SECOND), 1_000, climb), "then the full rate");
        assertEquals(400, LoadRelay.due((long) (2 * SECOND), 1_000, climb), "1,000 x 2^2 / (2 x 5)");
    }

    @Test
    void givenNoClimb_due_isTheRateFromTheStart() {
        assertEquals(3_000, LoadRelay.due((long) (3 * SECOND), 1_000, 0));
    }
}
