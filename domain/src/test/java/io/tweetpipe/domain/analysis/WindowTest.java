package io.tweetpipe.domain.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vavr.collection.List;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WindowTest {

    private static final Duration SECOND = Duration.ofSeconds(1);

    @Test
    void givenMultiplesOfTheBatch_of_givesTheWindow() {
        assertEquals(new Window(Duration.ofSeconds(60), Duration.ofSeconds(10)),
                Window.of(Duration.ofSeconds(60), Duration.ofSeconds(10), SECOND).get());
    }

    @Test
    void givenAWindowNotAMultipleOfTheBatch_of_saysSoInOneLine() {
        assertEquals("window: the window (1500ms) is not a whole multiple of the batch interval (1s)",
                Window.of(Duration.ofMillis(1500), SECOND, SECOND).getLeft().toString());
    }

    @Test
    void givenASlideNotAMultipleOfTheBatch_of_saysSo() {
        assertEquals("slide: the slide (700ms) is not a whole multiple of the batch interval (500ms)",
                Window.of(Duration.ofSeconds(2), Duration.ofMillis(700), Duration.ofMillis(500)).getLeft()
                        .toString());
    }

    @Test
    void givenASlideLongerThanItsWindow_of_saysSo() {
        assertEquals("slide: the slide (20s) is longer than its window (10s): some batches would be in no window",
                Window.of(Duration.ofSeconds(10), Duration.ofSeconds(20), SECOND).getLeft().toString());
    }

    /** Spark's windowed streams output when the time since the zero time (a batch before the first) is a multiple. */
    @Test
    void endsAt_isEverySlideCountedFromTheFirstBatch() {
        Window window = new Window(Duration.ofMillis(600), Duration.ofMillis(400));
        Duration batch = Duration.ofMillis(200);

        assertEquals(List.of(2L, 4L, 6L), List.rangeClosed(1L, 7L).filter(k -> window.endsAt(k, batch)));
        assertEquals(3, window.batches(batch));
        assertTrue(new Window(SECOND, SECOND).endsAt(1, SECOND));
        assertFalse(new Window(Duration.ofSeconds(2), Duration.ofSeconds(2)).endsAt(1, SECOND));
    }
}
