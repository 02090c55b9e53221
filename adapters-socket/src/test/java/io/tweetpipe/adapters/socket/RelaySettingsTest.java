package io.tweetpipe.adapters.socket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.FrameCap;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
import java.net.InetAddress;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RelaySettingsTest {

    private static Validation<Seq<Rejection>, RelaySettings> withCaps(int maxClients, int maxFrameBytes,
                                                                    int clientBufferBytes, int backlogFrames,
                                                                    long backlogBytes) {
        return RelaySettings.listeningOn("127.0.0.1", 5555).maxClients(maxClients).maxFrameBytes(maxFrameBytes)
                .clientBufferBytes(clientBufferBytes).backlog(backlogFrames, backlogBytes)
                .closeGrace(Duration.ofSeconds(1)).validate();
    }

    private static String onlyReason(Validation<Seq<Rejection>, RelaySettings> settings) {
        assertEquals(1, settings.getError().size(), settings.getError()::toString);
        return settings.getError().head().reason();
    }

    @Test
    void givenOnlyWhereToListen_builder_keepsTheDefaultCaps() {
        RelaySettings settings = RelaySettings.listeningOn("127.0.0.1", 5555).build();

        assertEquals("127.0.0.1", settings.host());
        assertEquals(5555, settings.port());
        assertEquals(RelaySettings.DEFAULT_BACKLOG_FRAMES, settings.backlogFrames());
        assertEquals(FrameCap.DEFAULT, settings.maxFrameBytes());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 5555, 65_535})
    void givenPortInRange_validate_acceptsIt(int port) {
        assertEquals(port, RelaySettings.listeningOn("localhost", port).validate().get().port());
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 65_536, Integer.MAX_VALUE})
    void givenPortOutOfRange_validate_refusesItWithTheValue(int port) {
        String reason = onlyReason(RelaySettings.listeningOn("127.0.0.1", port).validate());

        assertTrue(reason.contains(String.valueOf(port)), reason);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void givenBlankHost_validate_refusesIt(String host) {
        assertTrue(RelaySettings.listeningOn(host, 5555).validate().isInvalid());
    }

    @Test
    void givenNonPositiveCaps_validate_refusesEach() {
        assertTrue(onlyReason(withCaps(0, 1024, 4096, 10, 4096)).contains("client"));
        assertTrue(onlyReason(withCaps(1, 0, 4096, 10, 4096)).contains("frame cap"));
        assertTrue(onlyReason(withCaps(1, 1024, 512, 10, 4096)).contains("buffer"));
        assertTrue(onlyReason(withCaps(1, 1024, 4096, -1, 4096)).contains("backlog"));
        assertTrue(onlyReason(withCaps(1, 1024, 4096, 10, -1)).contains("backlog"));
        assertTrue(RelaySettings.listeningOn("127.0.0.1", 5555).closeGrace(Duration.ofSeconds(-1)).validate()
                .isInvalid());
    }

    @Test
    void givenSeveralWrongValues_validate_reportsEveryOne() {
        Seq<Rejection> problems = RelaySettings.listeningOn(" ", -1).maxClients(0).maxFrameBytes(3).validate()
                .getError();

        assertEquals(io.vavr.collection.List.of("host", "port", "max clients", "max frame bytes"),
                problems.map(Rejection::subject));
    }

    @Test
    void givenTheFrameCapsBounds_validate_acceptsThemAndNothingBeyond() {
        assertTrue(withCaps(1, FrameCap.SMALLEST, FrameCap.LARGEST, 0, 0).isValid());
        assertTrue(withCaps(1, FrameCap.LARGEST, FrameCap.LARGEST, 0, 0).isValid());
        assertTrue(onlyReason(withCaps(1, FrameCap.SMALLEST - 1, 4096, 0, 0)).contains("frame cap"));
        assertTrue(onlyReason(withCaps(1, FrameCap.LARGEST + 1, Integer.MAX_VALUE, 0, 0)).contains("frame cap"));
    }

    @Test
    void givenAFrameCapOverTheDefaultBuffer_builder_growsTheBufferToHoldOneFrame() {
        assertEquals(RelaySettings.DEFAULT_CLIENT_BUFFER_BYTES,
                RelaySettings.listeningOn("127.0.0.1", 0).build().clientBufferBytes());
        assertEquals(FrameCap.LARGEST, RelaySettings.listeningOn("127.0.0.1", 0).maxFrameBytes(FrameCap.LARGEST)
                .build().clientBufferBytes());
    }

    @Test
    void givenStallTimeoutUnderAMillisecond_validate_refusesIt() {
        for (Duration timeout : java.util.List.of(Duration.ZERO, Duration.ofNanos(999_999), Duration.ofSeconds(-1))) {
            String reason = onlyReason(RelaySettings.listeningOn("127.0.0.1", 5555).stallTimeout(timeout).validate());
            assertTrue(reason.contains("stall timeout"), reason);
        }
    }

    @Test
    void givenNoStallTimeout_builder_usesTheDefault() {
        assertEquals(RelaySettings.DEFAULT_STALL_TIMEOUT,
                RelaySettings.listeningOn("127.0.0.1", 5555).build().stallTimeout());
        assertEquals(RelaySettings.DEFAULT_STALL_TIMEOUT, withCaps(1, 1024, 4096, 10, 4096).get().stallTimeout());
    }

    @Test
    void givenNoBacklog_validate_acceptsIt() {
        assertTrue(withCaps(1, 1024, 4096, 0, 0).isValid());
    }

    @Test
    void givenWrongValueInCode_build_throws() {
        assertThrows(IllegalArgumentException.class, () -> RelaySettings.listeningOn("127.0.0.1", 70_000).build());
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
