package io.tweetpipe.adapters.socket;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.framing.FrameCap;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Validation;
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
 * @param maxFrameBytes the line-length cap ({@link FrameCap}): a frame longer than this (marker and newline included)
 *     is dropped and counted, never sent, so no reader is handed a record its own cap would have to skip
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

    public static final int DEFAULT_MAX_CLIENTS = 16;
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
        Seq<Rejection> problems = problems(host, port, maxClients, maxFrameBytes, clientBufferBytes, backlogFrames,
                backlogBytes, closeGrace, stallTimeout);
        if (problems.nonEmpty()) {
            throw new IllegalArgumentException(problems.mkString("; "));
        }
    }

    /** Settings to listen on that address and port, every cap at its default until the builder is told otherwise. */
    public static Builder listeningOn(String host, int port) {
        return new Builder().host(host).port(port);
    }

    /** Collects the settings one at a time; {@link #validate()} reports every wrong value at once. */
    public static final class Builder {
        private String host;
        private int port;
        private int maxClients = DEFAULT_MAX_CLIENTS;
        private int maxFrameBytes = FrameCap.DEFAULT;
        private Integer clientBufferBytes;
        private int backlogFrames = DEFAULT_BACKLOG_FRAMES;
        private long backlogBytes = DEFAULT_BACKLOG_BYTES;
        private Duration closeGrace = DEFAULT_CLOSE_GRACE;
        private Duration stallTimeout = DEFAULT_STALL_TIMEOUT;

        private Builder() {
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder maxClients(int maxClients) {
            this.maxClients = maxClients;
            return this;
        }

        public Builder maxFrameBytes(int maxFrameBytes) {
            this.maxFrameBytes = maxFrameBytes;
            return this;
        }

        public Builder clientBufferBytes(int clientBufferBytes) {
            this.clientBufferBytes = clientBufferBytes;
            return this;
        }

        public Builder backlog(int frames, long bytes) {
            this.backlogFrames = frames;
            this.backlogBytes = bytes;
            return this;
        }

        public Builder closeGrace(Duration closeGrace) {
            this.closeGrace = closeGrace;
            return this;
        }

        public Builder stallTimeout(Duration stallTimeout) {
            this.stallTimeout = stallTimeout;
            return this;
        }

        /** The settings, or every value that is wrong, each in a sentence the user can act on. */
        public Validation<Seq<Rejection>, RelaySettings> validate() {
            Seq<Rejection> problems = problems(host, port, maxClients, maxFrameBytes, clientBufferBytes(),
                    backlogFrames, backlogBytes, closeGrace, stallTimeout);
            return problems.isEmpty() ? Validation.valid(build()) : Validation.invalid(problems);
        }

        /** The settings, for code that knows its values are right: a wrong one is a programming error, thrown. */
        public RelaySettings build() {
            return new RelaySettings(host, port, maxClients, maxFrameBytes, clientBufferBytes(), backlogFrames,
                    backlogBytes, closeGrace, stallTimeout);
        }

        /** Unless told otherwise, a client's buffer holds a few seconds of a fast stream, and one frame of the cap. */
        private int clientBufferBytes() {
            return clientBufferBytes != null ? clientBufferBytes : Math.max(DEFAULT_CLIENT_BUFFER_BYTES, maxFrameBytes);
        }
    }

    private static Seq<Rejection> problems(String host, int port, int maxClients, int maxFrameBytes,
                                           int clientBufferBytes, int backlogFrames, long backlogBytes,
                                           Duration closeGrace, Duration stallTimeout) {
        List<Rejection> problems = List.empty();
        if (host == null || host.isBlank()) {
            problems = problems.append(Rejection.of("host", "give the relay a host to listen on, e.g. 127.0.0.1"));
        }
        if (port < 0 || port > 65_535) {
            problems = problems.append(Rejection.of("port", "the port is between 0 and 65535, got " + port));
        }
        if (maxClients < 1) {
            problems = problems.append(Rejection.of("max clients",
                    "the relay serves at least one client at once, got " + maxClients));
        }
        problems = problems.appendAll(FrameCap.problem(maxFrameBytes));
        if (clientBufferBytes < maxFrameBytes) {
            problems = problems.append(Rejection.of("client buffer", "a client's buffer (" + clientBufferBytes
                    + " bytes) must hold one frame of the cap (" + maxFrameBytes + " bytes)"));
        }
        if (backlogFrames < 0 || backlogBytes < 0) {
            problems = problems.append(Rejection.of("backlog", "the backlog holds zero frames and bytes or more, got "
                    + backlogFrames + " frames and " + backlogBytes + " bytes"));
        }
        if (closeGrace == null || closeGrace.isNegative()) {
            problems = problems.append(Rejection.of("close grace", "the close grace is zero or more, got "
                    + closeGrace));
        }
        if (stallTimeout == null || stallTimeout.toMillis() < 1) {
            problems = problems.append(Rejection.of("stall timeout", "the stall timeout is at least a millisecond, got "
                    + stallTimeout));
        }
        return problems;
    }
}
