package io.tweetpipe.bootstrap.di;

import io.tweetpipe.domain.Rejection;

/**
 * A part could not be built (a port already taken, a source that is not available): thrown only while Dagger builds
 * the graph, where a provider cannot return a value, and caught by the main class, which prints its one line.
 */
public final class StartupFailure extends RuntimeException {

    private final transient Rejection rejection;

    public StartupFailure(Rejection rejection) {
        super(rejection.toString(), null, false, false);
        this.rejection = rejection;
    }

    public Rejection rejection() {
        return rejection;
    }
}
