package io.tweetpipe.adapters.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelaySettingsTest {

    private static final RelaySettings DEFAULTS = RelaySettings.defaults();

    private static Either<Rejection, RelaySettings> withCaps(int maxClients, int maxFrameBytes, int clientBufferBytes,
                                                             int backlogFrames, long backlogBytes) {
        return RelaySettings.of("127.0.0.1", 5555, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames,
                backlogBytes, Duration.ofSeconds(1));
    }

    @Test
    void givenNothing_defaults_listenOnLoopbackPort5555() {
        assertEquals("127.0.0.1", DEFAULTS.host());
        assertEquals(5555, DEFAULTS.port());
        assertEquals(RelaySettings.DEFAULT_BACKLOG_FRAMES, DEFAULTS.backlogFrames());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5555, 65_535})
    void givenPortInRange_of_acceptsIt(int port) {
        assertEquals(port, RelaySettings.of("localhost", port).get().port());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65_536, Integer.MAX_VALUE})
    void givenPortOutOfRange_of_refusesItWithTheValue(int port) {
        Either<Rejection, RelaySettings> settings = RelaySettings.of("127.0.0.1", port);

        assertTrue(settings.getLeft().reason().contains(String.valueOf(port)), settings.getLeft().toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void givenBlankHost_of_refusesIt(String host) {
        assertTrue(RelaySettings.of(host, 5555).isLeft());
    }

    @Test
    void givenNonPositiveCaps_of_refusesEach() {
        assertTrue(withCaps(0, 1024, 4096, 10, 4096).getLeft().reason().contains("client"));
        assertTrue(withCaps(1, 0, 4096, 10, 4096).getLeft().reason().contains("frame cap"));
        assertTrue(withCaps(1, 1024, 512, 10, 4096).getLeft().reason().contains("buffer"));
        assertTrue(withCaps(1, 1024, 4096, -1, 4096).getLeft().reason().contains("backlog"));
        assertTrue(withCaps(1, 1024, 4096, 10, -1).getLeft().reason().contains("backlog"));
        assertTrue(RelaySettings.of("127.0.0.1", 5555, 1, 1024, 4096, 10, 4096, Duration.ofSeconds(-1)).isLeft());
    }

    @Test
    void givenStallTimeoutUnderAMillisecond_of_refusesIt() {
        for (Duration timeout : java.util.List.of(Duration.ZERO, Duration.ofNanos(999_999), Duration.ofSeconds(-1))) {
            Either<Rejection, RelaySettings> settings = RelaySettings.of("127.0.0.1", 5555, 1, 1024, 4096, 10, 4096,
                    Duration.ofSeconds(1), timeout);
            assertTrue(settings.getLeft().reason().contains("stall timeout"), String.valueOf(settings));
        }
    }

    @Test
    void givenNoStallTimeout_of_usesTheDefault() {
        assertEquals(RelaySettings.DEFAULT_STALL_TIMEOUT, RelaySettings.of("127.0.0.1", 5555).get().stallTimeout());
        assertEquals(RelaySettings.DEFAULT_STALL_TIMEOUT, withCaps(1, 1024, 4096, 10, 4096).get().stallTimeout());
    }

    @Test
    void givenNoBacklog_of_acceptsIt() {
        assertTrue(withCaps(1, 1024, 4096, 0, 0).isRight());
    }

    @Test
    void givenWrongValueInCode_wither_throws() {
        assertThrows(IllegalArgumentException.class, () -> DEFAULTS.withPort(70_000));
    }

    @Test
    void givenNonLoopbackAddress_exposureWarning_saysAnyHostCanReadTheStream() throws Exception {
        assertTrue(SocketRelay.exposureWarning(InetAddress.getByName("0.0.0.0")).get().contains("any host"));
        assertTrue(SocketRelay.exposureWarning(InetAddress.getByName("192.0.2.1")).isDefined());
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.2", "::1"})
    void givenLoopbackAddress_exposureWarning_isNone(String address) throws Exception {
        assertTrue(SocketRelay.exposureWarning(InetAddress.getByName(address)).isEmpty());
    }
}
