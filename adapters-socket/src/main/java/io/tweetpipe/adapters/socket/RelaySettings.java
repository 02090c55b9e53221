package io.tweetpipe.adapters.socket;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import io.vavr.control.Option;
import java.time.Duration;

/**
 * Where the relay listens and how much memory it may spend on readers that are absent or slow.
 *
 * <p>Every buffer is capped in bytes as well as frames, so the relay's memory is bounded whatever the tweets look
 * like: at most {@code backlogBytes + maxClients * clientBufferBytes} of frames, plus one backlog's worth for the
 * reader that takes the backlog over.
 *
 * @param host the address to listen on; loopback unless the user deliberately exposes the relay
 * @param port the TCP port; 0 lets the system pick a free one (tests)
 * @param maxClients readers served at once; one more is accepted and closed at once, and counted
 * @param maxFrameBytes the line-length cap: a frame longer than this (marker and newline included) is dropped and
 *     counted, never sent, so no reader is handed a record its own cap would have to skip
 * @param clientBufferBytes how much may wait for one reader; a frame that does not fit is missed by that reader
 * @param backlogFrames frames kept while no reader is connected, for the next one
 * @param backlogBytes the same backlog's cap in bytes; whichever cap is reached first drops the new frame
 * @param closeGrace how long {@link SocketRelay#close()} waits for readers to take what was already accepted
 * @param stallTimeout how long one write to a reader may stay blocked (the reader has stopped reading and the
 *     kernel's buffers are full) before the relay hangs up on it: a stalled reader would otherwise hold one of the
 *     {@code maxClients} places and its buffer for ever. A reader that is merely idle (nothing to send) never stalls
 */
public record RelaySettings(String host, int port, int maxClients, int maxFrameBytes, int clientBufferBytes,
                            int backlogFrames, long backlogBytes, Duration closeGrace, Duration stallTimeout) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 5555;
    public static final int DEFAULT_MAX_CLIENTS = 16;
    /** The stream processor's own cap (SparkSettings.DEFAULT_MAX_FRAME_BYTES): what we send, it accepts. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 1 << 20;
    /** A few seconds of a fast stream; a reader further behind than that is not keeping up. */
    public static final int DEFAULT_CLIENT_BUFFER_BYTES = 8 << 20;
    /** Spark's receiver reconnects every 2 s; this covers that gap at 50,000 tweets/s. */
    public static final int DEFAULT_BACKLOG_FRAMES = 100_000;
    public static final long DEFAULT_BACKLOG_BYTES = 64L << 20;
    public static final Duration DEFAULT_CLOSE_GRACE = Duration.ofSeconds(5);
    /**
     * Far longer than any pause of a healthy reader (a garbage collection, Spark storing a block), short enough that
     * a reader that stopped reading gives its place back within a minute.
     */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(30);

    public RelaySettings {
        Option<Rejection> problem = problem(host, port, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames,
                backlogBytes, closeGrace, stallTimeout);
        if (problem.isDefined()) {
            throw new IllegalArgumentException(problem.get().toString());
        }
    }

    /** The seed's relay: 127.0.0.1:5555, with the default caps. */
    public static RelaySettings defaults() {
        return new RelaySettings(DEFAULT_HOST, DEFAULT_PORT, DEFAULT_MAX_CLIENTS, DEFAULT_MAX_FRAME_BYTES,
                DEFAULT_CLIENT_BUFFER_BYTES, DEFAULT_BACKLOG_FRAMES, DEFAULT_BACKLOG_BYTES, DEFAULT_CLOSE_GRACE,
                DEFAULT_STALL_TIMEOUT);
    }

    /** Where to listen, from a user's flags; the caps keep their defaults. */
    public static Either<Rejection, RelaySettings> of(String host, int port) {
        RelaySettings defaults = defaults();
        return of(host, port, defaults.maxClients, defaults.maxFrameBytes, defaults.clientBufferBytes,
                defaults.backlogFrames, defaults.backlogBytes, defaults.closeGrace);
    }

    /** Every setting but the stall timeout (the default) from a user's values. */
    public static Either<Rejection, RelaySettings> of(String host, int port, int maxClients, int maxFrameBytes,
                                                      int clientBufferBytes, int backlogFrames, long backlogBytes,
                                                      Duration closeGrace) {
        return of(host, port, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames, backlogBytes, closeGrace,
                DEFAULT_STALL_TIMEOUT);
    }

    /** Every setting from a user's values, refused with a sentence the user can act on. */
    public static Either<Rejection, RelaySettings> of(String host, int port, int maxClients, int maxFrameBytes,
                                                      int clientBufferBytes, int backlogFrames, long backlogBytes,
                                                      Duration closeGrace, Duration stallTimeout) {
        return problem(host, port, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames, backlogBytes,
                closeGrace, stallTimeout)
                .toLeft(() -> new RelaySettings(host, port, maxClients, maxFrameBytes, clientBufferBytes,
                        backlogFrames, backlogBytes, closeGrace, stallTimeout));
    }

    // Withers for code that already holds valid settings (tests, wiring); a wrong value is a programming error.

    public RelaySettings withHost(String host) {
        return new RelaySettings(host, port, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames,
                backlogBytes, closeGrace, stallTimeout);
    }

    public RelaySettings withPort(int port) {
        return new RelaySettings(host, port, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames,
                backlogBytes, closeGrace, stallTimeout);
    }

    public RelaySettings withMaxClients(int maxClients) {
        return new RelaySettings(host, port, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames,
                backlogBytes, closeGrace, stallTimeout);
    }

    public RelaySettings withMaxFrameBytes(int maxFrameBytes) {
        return new RelaySettings(host, port, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames,
                backlogBytes, closeGrace, stallTimeout);
    }

    public RelaySettings withClientBufferBytes(int clientBufferBytes) {
        return new RelaySettings(host, port, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames,
                backlogBytes, closeGrace, stallTimeout);
    }

    public RelaySettings withBacklog(int backlogFrames, long backlogBytes) {
        return new RelaySettings(host, port, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames,
                backlogBytes, closeGrace, stallTimeout);
    }

    public RelaySettings withCloseGrace(Duration closeGrace) {
        return new RelaySettings(host, port, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames,
                backlogBytes, closeGrace, stallTimeout);
    }

    public RelaySettings withStallTimeout(Duration stallTimeout) {
        return new RelaySettings(host, port, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames,
                backlogBytes, closeGrace, stallTimeout);
    }

    private static Option<Rejection> problem(String host, int port, int maxClients, int maxFrameBytes,
                                             int clientBufferBytes, int backlogFrames, long backlogBytes,
                                             Duration closeGrace, Duration stallTimeout) {
        if (host == null || host.isBlank()) {
            return refuse("give the relay a host to listen on, e.g. " + DEFAULT_HOST);
        }
        if (port < 0 || port > 65_535) {
            return refuse("the port is between 0 and 65535, got " + port);
        }
        if (maxClients < 1) {
            return refuse("the relay serves at least one client at once, got " + maxClients);
        }
        // The smallest frame is one character, the marker and a newline.
        if (maxFrameBytes < 7) {
            return refuse("the frame cap is at least 7 bytes, got " + maxFrameBytes);
        }
        if (clientBufferBytes < maxFrameBytes) {
            return refuse("a client's buffer (" + clientBufferBytes + " bytes) must hold one frame of the cap ("
                    + maxFrameBytes + " bytes)");
        }
        if (backlogFrames < 0) {
            return refuse("the backlog holds zero frames or more, got " + backlogFrames);
        }
        if (backlogBytes < 0) {
            return refuse("the backlog holds zero bytes or more, got " + backlogBytes);
        }
        if (closeGrace == null || closeGrace.isNegative()) {
            return refuse("the close grace is zero or more, got " + closeGrace);
        }
        if (stallTimeout == null || stallTimeout.isNegative() || stallTimeout.toMillis() < 1) {
            return refuse("the stall timeout is at least a millisecond, got " + stallTimeout);
        }
        return Option.none();
    }

    private static Option<Rejection> refuse(String reason) {
        return Option.some(Rejection.of("relay settings", reason));
    }
}
