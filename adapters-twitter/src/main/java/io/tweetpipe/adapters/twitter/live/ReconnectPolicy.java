package io.tweetpipe.adapters.twitter.live;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before reconnecting, by what went wrong; {@link #TWITTER} is what Twitter's streaming documentation
 * asks of clients. After an established connection drops, reconnect at once. If connecting then fails: on a network
 * error wait {@code networkStep} more on each try, up to {@code networkCap}; on an HTTP error start at
 * {@code httpInitial} and double, up to {@code httpCap}; on HTTP 420 or 429 (rate limited) start at
 * {@code rateLimitedInitial} and double, up to {@code rateLimitedCap}.
 */
public record ReconnectPolicy(Duration networkStep, Duration networkCap, Duration httpInitial, Duration httpCap,
                              Duration rateLimitedInitial, Duration rateLimitedCap) {

    /**
     * Twitter's documented waits: 250 ms more a try up to 16 s; 5 s doubling up to 320 s; one minute doubling. The
     * documentation gives the last no ceiling; 16 minutes is ours, so that a long outage is still retried.
     */
    public static final ReconnectPolicy TWITTER = new ReconnectPolicy(Duration.ofMillis(250), Duration.ofSeconds(16),
            Duration.ofSeconds(5), Duration.ofSeconds(320), Duration.ofMinutes(1), Duration.ofMinutes(16));

    public ReconnectPolicy {
        for (Duration d : new Duration[] {networkStep, networkCap, httpInitial, httpCap, rateLimitedInitial,
            rateLimitedCap}) {
            Objects.requireNonNull(d, "every wait must be given");
            if (d.isNegative()) {
                throw new IllegalArgumentException("a wait cannot be negative: " + d);
            }
        }
    }
}
