package io.tweetpipe.bootstrap.config;

/** Where the relay's tweets come from. */
public enum SourceKind {
    /** A recording in Twitter's v1.1 JSON lines; the bundled sample unless a file is given. */
    REPLAY,
    /** Twitter's v1.1 filtered stream, or any endpoint that speaks it. */
    TWITTER
}
