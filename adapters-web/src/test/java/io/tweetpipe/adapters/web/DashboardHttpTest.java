package io.tweetpipe.adapters.web;

import static io.tweetpipe.adapters.web.Outputs.batch;
import static io.tweetpipe.adapters.web.Outputs.figures;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tweetpipe.domain.Rejection;
import io.tweetpipe.domain.batch.Batch;
import io.vavr.collection.List;
import io.vavr.control.Option;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The dashboard's server over real loopback sockets. */
class DashboardHttpTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final java.util.List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeEverything() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private Dashboard start(DashboardSettings settings) {
        Dashboard dashboard = Dashboard.start(settings, Duration.ofSeconds(1), List::empty)
                .getOrElseThrow(rejection -> new AssertionError(rejection.toString()));
        open.add(dashboard);
        return dashboard;
    }

    private Dashboard start() {
        return start(DashboardSettings.defaults().withPort(0).withMaxClients(2));
    }

    private HttpResponse<String> send(Dashboard dashboard, String method, String path)
            throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(dashboard.url().resolve(path))
                .method(method, HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void givenGet_pageAndItsFiles_areServedWithAPolicyThatAllowsNoInlineScript() throws Exception {
        Dashboard dashboard = start();

        HttpResponse<String> page = send(dashboard, "GET", "/");

        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));
        assertTrue(page.body().contains("<script src=\"dashboard.js\""), page.body());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"), policy);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        for (String file : new String[] {"/dashboard.js", "/dashboard.css", "/uPlot.iife.min.js", "/uPlot.min.css",
                "/uPlot.LICENSE.txt"}) {
            HttpResponse<String> asset = send(dashboard, "GET", file);
            assertEquals(200, asset.statusCode(), file);
            assertFalse(asset.body().isEmpty(), file);
        }
        assertTrue(send(dashboard, "GET", "/uPlot.iife.min.js").body().startsWith("/*! https://github.com/leeoniya"
                + "/uPlot (v1.6.32) */"));
    }

    @Test
    void givenPathsOutsideTheList_get_answers404() throws Exception {
        Dashboard dashboard = start();

        for (String path : new String[] {"/index.html.bak", "/io/tweetpipe/adapters/web/Dashboard.class",
                "/static/dashboard.js", "/api", "/events/x"}) {
            assertEquals(404, send(dashboard, "GET", path).statusCode(), path);
        }
    }

    @Test
    void givenAnyMethodButGet_everyEndpoint_answers405() throws Exception {
        Dashboard dashboard = start();

        for (String method : new String[] {"POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"}) {
            for (String path : new String[] {"/", "/api/state", "/events", "/dashboard.js"}) {
                HttpResponse<String> response = send(dashboard, method, path);
                assertEquals(405, response.statusCode(), method + " " + path);
                assertEquals("GET", response.headers().firstValue("Allow").orElseThrow(), method + " " + path);
            }
        }
    }

    @Test
    void givenOutputs_apiState_servesThemAsJson() throws Exception {
        Dashboard dashboard = start();
        dashboard.sink().accept(batch(1, "a tweet with \"quotes\""));
        dashboard.sink().accept(figures(1, 1, 12, 3));

        HttpResponse<String> state = send(dashboard, "GET", "/api/state");

        assertEquals(200, state.statusCode());
        assertTrue(state.headers().firstValue("Content-Type").orElseThrow().startsWith("application/json"));
        assertTrue(state.body().startsWith("{\"batchIntervalMs\":1000,\"historyMs\":600000,"), state.body());
        assertTrue(state.body().contains("\"records\":1,\"processingMs\":12,\"schedulingDelayMs\":3"), state.body());
        assertTrue(state.body().contains("\"text\":\"a tweet with \\\"quotes\\\"\",\"lang\":null}"), state.body());
    }

    @Test
    void givenABatchWithLanguages_apiState_servesEachTweetsLanguageAndNullWhereNoneIsKnown() throws Exception {
        Dashboard dashboard = start();
        dashboard.sink().accept(new Batch(Instant.ofEpochSecond(1), 2, List.of("olá", "hello"),
                List.of(Option.some("pt"), Option.none())));

        String state = send(dashboard, "GET", "/api/state").body();

        assertTrue(state.contains("{\"text\":\"olá\",\"lang\":\"pt\"},{\"text\":\"hello\",\"lang\":null}"), state);
    }

    @Test
    void givenLivePage_events_streamTheHistoryThenEachOutput() throws Exception {
        Dashboard dashboard = start();
        dashboard.sink().accept(figures(1, 5, 12, 0));

        try (EventStream page = EventStream.open(dashboard)) {
            assertEquals(200, page.status);
            assertTrue(page.contentType.startsWith("text/event-stream"), page.contentType);
            assertEquals("event: hello", page.nextEventLine());
            assertEquals("event: figures", page.nextEventLine());
            dashboard.sink().accept(batch(2, "live"));
            assertEquals("event: batch", page.nextEventLine());
        }
    }

    @Test
    void givenAsManyLivePagesAsAllowed_oneMore_gets503AndThePageAndJsonStillAnswer() throws Exception {
        Dashboard dashboard = start();  // two live pages

        try (EventStream first = EventStream.open(dashboard); EventStream second = EventStream.open(dashboard)) {
            assertEquals("event: hello", first.nextEventLine());
            assertEquals("event: hello", second.nextEventLine());

            HttpResponse<String> third = send(dashboard, "GET", "/events");

            assertEquals(503, third.statusCode());
            assertEquals("10", third.headers().firstValue("Retry-After").orElseThrow());
            assertTrue(third.body().contains("2 live pages at once"), third.body());
            assertEquals(200, send(dashboard, "GET", "/").statusCode());
            assertEquals(200, send(dashboard, "GET", "/api/state").statusCode());
        }
    }

    @Test
    void givenLivePageThatWentAway_itsPlace_isFreedOnceTheStreamWritesToIt() throws Exception {
        Dashboard dashboard = start();
        EventStream.open(dashboard).close();
        try (EventStream kept = EventStream.open(dashboard)) {
            assertEquals("event: hello", kept.nextEventLine());

            int status = 503;
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            for (int s = 1; status == 503 && System.nanoTime() < deadline; s++) {
                dashboard.sink().accept(figures(s, 1, 1, 0));  // a write to the closed page fails: its place frees
                try (EventStream again = EventStream.open(dashboard)) {
                    status = again.status;
                }
                Thread.sleep(50);
            }

            assertEquals(200, status);
        }
    }

    @Test
    void givenRequestNamingAnotherSite_loopbackDashboard_refusesIt() throws Exception {
        Dashboard dashboard = start();

        assertTrue(rawGet(dashboard, "evil.example:" + dashboard.port()).startsWith("HTTP/1.1 421"));
        assertTrue(rawGet(dashboard, "evil.example").startsWith("HTTP/1.1 421"));
        assertTrue(rawGet(dashboard, "127.0.0.1:" + dashboard.port()).startsWith("HTTP/1.1 200"));
        assertTrue(rawGet(dashboard, "localhost:" + dashboard.port()).startsWith("HTTP/1.1 200"));
    }

    @Test
    void givenExposedDashboard_requestNamingAnyHost_isServed() throws Exception {
        Dashboard dashboard = start(new DashboardSettings("127.0.0.1", 0, true, 2, Duration.ofMinutes(1)));

        assertTrue(rawGet(dashboard, "dashboard.example.org:" + dashboard.port()).startsWith("HTTP/1.1 200"));
    }

    @Test
    void givenPortInUse_start_refusesInOneLine() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            Rejection refused = Dashboard.start(DashboardSettings.defaults().withPort(taken.getLocalPort()),
                    Duration.ofSeconds(1), List::empty).getLeft();

            assertTrue(refused.reason().contains("in use"), refused.reason());
            assertFalse(refused.toString().contains("\n"), refused.toString());
        }
    }

    @Test
    void givenPortZero_url_namesThePortPicked() {
        Dashboard dashboard = start();

        assertTrue(dashboard.port() > 0);
        assertEquals(URI.create("http://127.0.0.1:" + dashboard.port() + "/"), dashboard.url());
    }

    @Test
    void givenClose_livePages_endAndThePortIsFree() throws Exception {
        Dashboard dashboard = start();
        EventStream page = EventStream.open(dashboard);
        open.add(page);
        assertEquals("event: hello", page.nextEventLine());

        dashboard.close();

        assertNull(page.nextEventLine(), "the stream ends");
        try (ServerSocket again = new ServerSocket(dashboard.port(), 1, java.net.InetAddress.getLoopbackAddress())) {
            assertEquals(dashboard.port(), again.getLocalPort());
        }
    }

    /** One GET with the Host header as given (HttpClient will not send another site's name); the status line back. */
    private static String rawGet(Dashboard dashboard, String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", dashboard.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET /api/state HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
        }
    }

    /** A live page read as a browser reads it, on a socket of its own so that closing it closes the connection. */
    static final class EventStream implements AutoCloseable {
        final Socket socket;
        final BufferedReader in;
        final int status;
        final String contentType;

        private EventStream(Socket socket, BufferedReader in, int status, String contentType) {
            this.socket = socket;
            this.in = in;
            this.status = status;
            this.contentType = contentType;
        }

        static EventStream open(Dashboard dashboard) throws IOException {
            Socket socket = new Socket("127.0.0.1", dashboard.port());
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("GET /events HTTP/1.1\r\nHost: 127.0.0.1:" + dashboard.port()
                    + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            InputStream raw = socket.getInputStream();
            BufferedReader in = new BufferedReader(new InputStreamReader(raw, StandardCharsets.UTF_8));
            int status = Integer.parseInt(in.readLine().split(" ")[1]);
            String contentType = "";
            for (String header = in.readLine(); header != null && !header.isEmpty(); header = in.readLine()) {
                if (header.toLowerCase(java.util.Locale.ROOT).startsWith("content-type:")) {
                    contentType = header.substring("content-type:".length()).strip();
                }
            }
            return new EventStream(socket, in, status, contentType);
        }

        /** The next {@code event:} line, or null when the stream ended (chunk sizes and data lines skipped). */
        String nextEventLine() throws IOException {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("event: ")) {
                    return line;
                }
            }
            return null;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
