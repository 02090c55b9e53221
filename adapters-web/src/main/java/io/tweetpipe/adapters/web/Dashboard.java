package io.tweetpipe.adapters.web;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.tweetpipe.application.port.out.BatchSink;
import io.tweetpipe.domain.Rejection;
import io.vavr.collection.Seq;
import io.vavr.control.Either;
import io.vavr.control.Option;
import io.vavr.control.Try;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.System.Logger;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The live dashboard: a page, its static files, the stream's outputs as Server-Sent Events ({@code /events}) and the
 * same data as one JSON object ({@code /api/state}), all read-only, served by the JDK's own HTTP server.
 *
 * <p>Every live page holds one of the server's threads (its events are written as they come) and a bounded queue;
 * at most {@link DashboardSettings#maxClients()} are served at once, and one more gets 503. The other requests have
 * threads of their own, so a full house of live pages never blocks the page itself or the JSON.
 */
public final class Dashboard implements AutoCloseable {

    /** Events a slow page may have waiting: a few minutes of batches. */
    static final int PAGE_QUEUE = 1_024;
    /** A comment line this often keeps proxies from closing a quiet stream and finds pages that went away. */
    static final Duration KEEP_ALIVE = Duration.ofSeconds(15);
    /** Threads beyond the live pages', for the page, its files and the JSON. */
    private static final int OTHER_REQUESTS = 4;

    private static final String STATIC = "/io/tweetpipe/adapters/web/static/";
    /** Every file served, by path: nothing else on the class path can be asked for. */
    private static final Map<String, Asset> ASSETS = Map.of(
            "/", new Asset("index.html", "text/html; charset=utf-8"),
            "/dashboard.js", new Asset("dashboard.js", "text/javascript; charset=utf-8"),
            "/dashboard.css", new Asset("dashboard.css", "text/css; charset=utf-8"),
            "/uPlot.iife.min.js", new Asset("uPlot.iife.min.js", "text/javascript; charset=utf-8"),
            "/uPlot.min.css", new Asset("uPlot.min.css", "text/css; charset=utf-8"),
            "/uPlot.LICENSE.txt", new Asset("uPlot.LICENSE.txt", "text/plain; charset=utf-8"));

    /**
     * Only this server's own files: no inline script or style, so text that reached the page as markup still could
     * not run (tweets are inserted as text in the first place).
     */
    private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self'; "
            + "style-src 'self'; img-src 'self' data:; connect-src 'self'; base-uri 'none'; form-action 'none'; "
            + "frame-ancestors 'none'";

    private final DashboardSettings settings;
    private final HttpServer server;
    private final ExecutorService threads;
    private final DashboardSink sink;
    private final Semaphore pages;
    private final Logger log;

    private Dashboard(DashboardSettings settings, HttpServer server, ExecutorService threads, DashboardSink sink,
                      Logger log) {
        this.settings = settings;
        this.server = server;
        this.threads = threads;
        this.sink = sink;
        this.pages = new Semaphore(settings.maxClients());
        this.log = log;
    }

    /**
     * Listens as the settings say and starts serving. A port in use or a host that is not this machine's is a
     * rejection in one line.
     *
     * @param batchInterval the stream's batch interval, the line the processing time must stay under
     * @param parts the relay's and other parts' state, asked once a batch (see {@link DashboardSink})
     */
    public static Either<Rejection, Dashboard> start(DashboardSettings settings, Duration batchInterval,
                                                     Supplier<Seq<PartState>> parts) {
        Objects.requireNonNull(settings, "settings");
        DashboardSink sink = new DashboardSink(batchInterval, settings.history(), parts);
        return Try.of(() -> InetAddress.getByName(settings.host()))
                .toEither()
                .mapLeft(e -> Rejection.of("dashboard", "cannot resolve the host " + settings.host() + ": " + e))
                .flatMap(address -> listen(new InetSocketAddress(address, settings.port())))
                .map(server -> {
                    Dashboard dashboard = new Dashboard(settings, server, threads(settings.maxClients()), sink,
                            System.getLogger(Dashboard.class.getName()));
                    server.setExecutor(dashboard.threads);
                    server.createContext("/", dashboard::handle);
                    server.start();
                    dashboard.log.log(Level.INFO, "dashboard on " + dashboard.url());
                    return dashboard;
                });
    }

    private static Either<Rejection, HttpServer> listen(InetSocketAddress address) {
        try {
            return Either.right(HttpServer.create(address, 64));
        } catch (IOException e) {
            String where = address.getAddress().getHostAddress() + ":" + address.getPort();
            String hint = String.valueOf(e.getMessage()).contains("in use")
                    ? "the port is in use (another tweetpipe?); stop it or choose another port"
                    : "is " + address.getAddress().getHostAddress() + " an address of this machine?";
            return Either.left(Rejection.of("dashboard", "cannot listen on " + where + " (" + e.getMessage() + "): "
                    + hint));
        }
    }

    private static ExecutorService threads(int pages) {
        AtomicInteger count = new AtomicInteger();
        return Executors.newFixedThreadPool(pages + OTHER_REQUESTS, task -> {
            Thread thread = new Thread(task, "dashboard-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /** What the stream job hands its outputs to. */
    public BatchSink sink() {
        return sink;
    }

    /** The page's address, to print at start: the host as given, and the port listened on. */
    public URI url() {
        String host = settings.host();
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";  // an IPv6 literal
        }
        return URI.create("http://" + host + ":" + port() + "/");
    }

    /** The port listened on: the one asked for, or the one the system picked for 0. */
    public int port() {
        return server.getAddress().getPort();
    }

    /** Ends every live page, stops listening and lets the threads go. */
    @Override
    public void close() {
        sink.close();
        try {
            // Live pages end their streams cleanly when told to, unless a page stopped reading: wait a little for
            // them, not for the server's own delay (JDK 17's stop waits the whole of it).
            pages.tryAcquire(settings.maxClients(), 500, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
            exchange.getResponseHeaders().set("Referrer-Policy", "no-referrer");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            if (!exchange.getRequestMethod().equals("GET")) {
                exchange.getResponseHeaders().set("Allow", "GET");
                text(exchange, 405, "the dashboard is read-only: GET only");
                return;
            }
            if (!settings.exposed() && !namesThisMachine(exchange.getRequestHeaders().getFirst("Host"))) {
                text(exchange, 421, "served on loopback only: ask for " + url());
                return;
            }
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/events")) {
                events(exchange);
            } else if (path.equals("/api/state")) {
                body(exchange, 200, "application/json; charset=utf-8", sink.state());
            } else if (ASSETS.containsKey(path)) {
                asset(exchange, ASSETS.get(path));
            } else {
                text(exchange, 404, "no such page: try " + url());
            }
        }
    }

    /**
     * A request from a page on another site that made its own name resolve to 127.0.0.1 (DNS rebinding) names that
     * site as its host: only loopback names are answered, as long as the dashboard is not exposed.
     */
    private static boolean namesThisMachine(String host) {
        if (host == null) {
            return false;
        }
        String name = host.toLowerCase(Locale.ROOT);
        if (name.startsWith("[")) {
            name = name.substring(0, name.indexOf(']') + 1);
        } else if (name.indexOf(':') >= 0) {
            name = name.substring(0, name.indexOf(':'));
        }
        return LOOPBACK_NAMES.contains(name) || name.startsWith("127.");
    }

    private static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "[::1]");

    /** Server-Sent Events: the history first, then each output as it comes, until the page goes away. */
    private void events(HttpExchange exchange) throws IOException {
        if (!pages.tryAcquire()) {
            exchange.getResponseHeaders().set("Retry-After", "10");
            text(exchange, 503, "the dashboard serves " + settings.maxClients()
                    + " live pages at once: close one, or try again later");
            log.log(Level.INFO, "a live page was refused: " + settings.maxClients() + " are open");
            return;
        }
        Option<Subscription> subscribed = Option.none();
        try {
            subscribed = sink.subscribe(PAGE_QUEUE);
            if (subscribed.isEmpty()) {
                text(exchange, 503, "the dashboard is closing");
                return;
            }
            Subscription page = subscribed.get();
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, "retry: 2000\n\n");
            for (String event : page.snapshot()) {
                write(out, event);
            }
            out.flush();
            for (String event = page.next(KEEP_ALIVE); event != null; event = page.next(KEEP_ALIVE)) {
                write(out, event.isEmpty() ? ": keep-alive\n\n" : event);
                out.flush();
            }
        } catch (IOException e) {
            // The page went away: its place is free again.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();  // the server is stopping
        } finally {
            subscribed.forEach(Subscription::cancel);
            pages.release();
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }

    private static void asset(HttpExchange exchange, Asset asset) throws IOException {
        byte[] bytes;
        try (InputStream in = Dashboard.class.getResourceAsStream(STATIC + asset.file())) {
            if (in == null) {
                throw new IllegalStateException("the jar lacks " + STATIC + asset.file());
            }
            bytes = in.readAllBytes();
        }
        exchange.getResponseHeaders().set("Content-Security-Policy", CONTENT_SECURITY_POLICY);
        exchange.getResponseHeaders().set("X-Frame-Options", "DENY");
        send(exchange, 200, asset.contentType(), bytes);
    }

    private static void text(HttpExchange exchange, int status, String message) throws IOException {
        body(exchange, status, "text/plain; charset=utf-8", message + "\n");
    }

    private static void body(HttpExchange exchange, int status, String contentType, String body) throws IOException {
        send(exchange, status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, String contentType, byte[] bytes)
            throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private record Asset(String file, String contentType) {
    }
}
