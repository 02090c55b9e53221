package io.tweetpipe.adapters.web;

import io.tweetpipe.domain.Rejection;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.net.InetAddress;
import java.time.Duration;

/**
 * Where the dashboard listens, for how many pages at once, and how much of the past a page opened late is shown.
 *
 * @param host the address to listen on: loopback, unless {@code exposed}
 * @param port the TCP port; 0 lets the system pick a free one
 * @param exposed whether the user deliberately serves the page beyond this machine (the relay's {@code --expose}):
 *     without it a host that is not loopback is refused, and requests must name this machine (a page on another site
 *     that makes its own name resolve to 127.0.0.1 cannot read the dashboard)
 * @param maxClients pages served live at once; one more gets 503 and is told to try later
 * @param history how far back a page opened late is shown, and so how much the server keeps
 */
public record DashboardSettings(String host, int port, boolean exposed, int maxClients, Duration history) {

    public static final String DEFAULT_HOST = "127.0.0.1";
    /** Clear of the relay's 5555 (and a second relay's 5556) and of Spark's UI, 4040 and up. */
    public static final int DEFAULT_PORT = 8055;
    /** A few tabs and a script or two; each live page holds a thread and a queue on the driver. */
    public static final int DEFAULT_MAX_CLIENTS = 8;
    public static final int MAX_CLIENTS_CAP = 64;
    public static final Duration DEFAULT_HISTORY = Duration.ofMinutes(10);
    public static final Duration MAX_HISTORY = Duration.ofHours(1);

    public DashboardSettings {
        Option<Rejection> problem = problem(host, port, exposed, maxClients, history);
        if (problem.isDefined()) {
            throw new IllegalArgumentException(problem.get().toString());
        }
    }

    /** 127.0.0.1:8055, eight pages, the last ten minutes. */
    public static DashboardSettings defaults() {
        return new DashboardSettings(DEFAULT_HOST, DEFAULT_PORT, false, DEFAULT_MAX_CLIENTS, DEFAULT_HISTORY);
    }

    /** Every setting from a user's values, refused with a sentence the user can act on. */
    public static Either<Rejection, DashboardSettings> of(String host, int port, boolean exposed, int maxClients,
                                                          Duration history) {
        return problem(host, port, exposed, maxClients, history)
                .toLeft(() -> new DashboardSettings(host, port, exposed, maxClients, history));
    }

    /** Where to listen, from a user's flags; the rest keeps its defaults. */
    public static Either<Rejection, DashboardSettings> of(String host, int port, boolean exposed) {
        return of(host, port, exposed, DEFAULT_MAX_CLIENTS, DEFAULT_HISTORY);
    }

    // Withers for code that already holds valid settings (tests, wiring); a wrong value is a programming error.

    public DashboardSettings withPort(int port) {
        return new DashboardSettings(host, port, exposed, maxClients, history);
    }

    public DashboardSettings withMaxClients(int maxClients) {
        return new DashboardSettings(host, port, exposed, maxClients, history);
    }

    public DashboardSettings withHistory(Duration history) {
        return new DashboardSettings(host, port, exposed, maxClients, history);
    }

    private static Option<Rejection> problem(String host, int port, boolean exposed, int maxClients,
                                             Duration history) {
        if (host == null || host.isBlank()) {
            return refuse("give the dashboard a host to listen on, e.g. " + DEFAULT_HOST);
        }
        if (port < 0 || port > 65_535) {
            return refuse("the dashboard's port is between 0 and 65535 (0: any free port), got " + port);
        }
        if (maxClients < 1 || maxClients > MAX_CLIENTS_CAP) {
            return refuse("the dashboard serves between 1 and " + MAX_CLIENTS_CAP + " pages at once, got "
                    + maxClients);
        }
        if (history == null || history.compareTo(Duration.ofMinutes(1)) < 0 || history.compareTo(MAX_HISTORY) > 0) {
            return refuse("the dashboard's history is between 1 minute and " + MAX_HISTORY.toMinutes()
                    + " minutes, got " + history);
        }
        Try<InetAddress> address = Try.of(() -> InetAddress.getByName(host));
        if (address.isFailure()) {
            return refuse("cannot resolve the dashboard's host " + host);
        }
        if (!exposed && !address.get().isLoopbackAddress()) {
            return refuse("the dashboard's host " + host + " is not a loopback address: add --expose to serve the "
                    + "page beyond this machine");
        }
        return Option.none();
    }

    private static Option<Rejection> refuse(String reason) {
        return Option.some(Rejection.of("dashboard", reason));
    }
}
