package io.tweetpipe.adapters.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class DashboardSettingsTest {

    @Test
    void defaults_listenOnLoopbackOnAPortOfItsOwn() {
        DashboardSettings defaults = DashboardSettings.defaults();

        assertEquals("127.0.0.1", defaults.host());
        assertEquals(8055, defaults.port());
        assertEquals(false, defaults.exposed());
        assertEquals(Duration.ofMinutes(10), defaults.history());
    }

    @Test
    void givenHostBeyondLoopbackWithoutExpose_of_refusesAndNamesTheFlag() {
        Rejection refused = DashboardSettings.of("0.0.0.0", 5556, false).getLeft();

        assertTrue(refused.reason().contains("--expose"), refused.reason());
    }

    @Test
    void givenHostBeyondLoopbackWithExpose_of_acceptsIt() {
        assertTrue(DashboardSettings.of("0.0.0.0", 5556, true).isRight());
    }

    @Test
    void givenLoopbackNames_of_acceptsThemWithoutExpose() {
        assertTrue(DashboardSettings.of("localhost", 0, false).isRight());
        assertTrue(DashboardSettings.of("::1", 0, false).isRight());
        assertTrue(DashboardSettings.of("127.0.0.2", 0, false).isRight());
    }

    @Test
    void givenValuesOutOfRange_of_refusesEachWithWhatToFix() {
        assertTrue(DashboardSettings.of("127.0.0.1", 65_536, false).getLeft().reason().contains("65535"));
        assertTrue(DashboardSettings.of("127.0.0.1", -1, false).isLeft());
        assertTrue(DashboardSettings.of("", 0, false).isLeft());
        assertTrue(DashboardSettings.of("127.0.0.1", 0, false, 0, Duration.ofMinutes(10)).getLeft().reason()
                .contains("between 1 and 64"));
        assertTrue(DashboardSettings.of("127.0.0.1", 0, false, 65, Duration.ofMinutes(10)).isLeft());
        assertTrue(DashboardSettings.of("127.0.0.1", 0, false, 8, Duration.ofSeconds(59)).getLeft().reason()
                .contains("history"));
        assertTrue(DashboardSettings.of("127.0.0.1", 0, false, 8, Duration.ofMinutes(61)).isLeft());
        assertTrue(DashboardSettings.of("no-such-host.invalid", 0, false).getLeft().reason().contains("resolve"));
    }

    @Test
    void givenInvalidValue_constructor_throws() {
        assertThrows(IllegalArgumentException.class,
                () -> new DashboardSettings("0.0.0.0", 0, false, 8, Duration.ofMinutes(10)));
    }
}
