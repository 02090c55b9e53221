package io.tweetpipe.adapters.twitter.live;

import io.vavr.control.Option;
import java.io.IOException;
import java.time.Instant;

/**
 * An endpoint answered, but not with what was asked: its HTTP status, what its problem body says (masked), and when
 * its rate limit resets if it says ({@code x-rate-limit-reset}, seconds since the epoch).
 */
final class HttpRefusal extends IOException {

    private static final long serialVersionUID = 1L;

    final int status;
    final transient Option<String> problem;
    final transient Option<Instant> rateLimitReset;

    HttpRefusal(int status, Option<String> problem, Option<Instant> rateLimitReset) {
        super("HTTP " + status + problem.map(p -> " (" + p + ")").getOrElse(""));
        this.status = status;
        this.problem = problem;
        this.rateLimitReset = rateLimitReset;
    }
}
