package io.tweetpipe.bootstrap.config;

/** The seed's two programs, and both at once. */
public enum Mode {
    /** The relay and the stream processor in one process: what runs when no mode is given. */
    DEMO,
    /** The seed's first program: a source relayed to a TCP server socket. */
    RELAY,
    /** The seed's second program: Spark Streaming reading the relay. */
    STREAM
}
