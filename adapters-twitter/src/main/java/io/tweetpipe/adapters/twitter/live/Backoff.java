package io.tweetpipe.adapters.twitter.live;

import java.time.Duration;

/**
 * The waits of a {@link ReconnectPolicy}, counted per kind of failure since the last connection that worked. Each
 * kind keeps its own count: a network error after two HTTP 503s waits one network step, and the next 503 waits
 * four times the initial HTTP wait. Not thread-safe; the source's own thread owns it.
 */
final class Backoff {

    /** What ended a connection attempt, as far as waiting is concerned. */
    enum Failure { DROPPED, NETWORK, HTTP, RATE_LIMITED }

    private final ReconnectPolicy policy;
    private int network;
    private int http;
    private int rateLimited;

    Backoff(ReconnectPolicy policy) {
        this.policy = policy;
    }

    /** How long to wait before the next attempt. A dropped connection that had worked resets every count. */
    Duration after(Failure failure) {
        return switch (failure) {
            case DROPPED -> {
                network = 0;
                http = 0;
                rateLimited = 0;
                yield Duration.ZERO;
            }
            case NETWORK -> min(policy.networkStep().multipliedBy(++network), policy.networkCap());
            case HTTP -> doubled(policy.httpInitial(), ++http, policy.httpCap());
            case RATE_LIMITED -> doubled(policy.rateLimitedInitial(), ++rateLimited, policy.rateLimitedCap());
        };
    }

    /**
     * After an HTTP 429 that says when its limit resets: the rate-limited wait, or until the reset if that is later
     * (reconnecting before it only earns another 429, and X lengthens the limit with each one), within the cap.
     */
    Duration afterRateLimit(Duration untilReset) {
        Duration doubled = after(Failure.RATE_LIMITED);
        return min(doubled.compareTo(untilReset) >= 0 ? doubled : untilReset, policy.rateLimitedCap());
    }

    private static Duration doubled(Duration initial, int attempt, Duration cap) {
        // Past 2^20 times anything the cap has long been reached; stop shifting before it overflows.
        return min(initial.multipliedBy(1L << Math.min(attempt - 1, 20)), cap);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
