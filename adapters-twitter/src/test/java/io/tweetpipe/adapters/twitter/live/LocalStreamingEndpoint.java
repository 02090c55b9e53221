package io.tweetpipe.adapters.twitter.live;

import io.tweetpipe.adapters.twitter.v1.V1Messages;
import io.tweetpipe.domain.tweet.StreamMessage;
import io.tweetpipe.domain.tweet.TrackFilter;
import io.vavr.collection.List;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A v1.1 streaming endpoint on loopback, speaking the filter protocol the way twitter4j expects it: a POST of the
 * filter form to {@code /1.1/statuses/filter.json}, answered with a chunked stream of JSON messages, one a line,
 * {@code \r\n}-delimited, with blank keep-alive lines between them. It filters statuses server-side by the posted
 * {@code track} and {@code language}, as Twitter does, and is scripted connection by connection: each new connection
 * takes the next {@link Plan}; with none left, it holds the connection open with keep-alives.
 */
final class LocalStreamingEndpoint implements AutoCloseable {

    static final String FILTER_PATH = "/1.1/statuses/filter.json";
    static final Duration KEEP_ALIVE_EVERY = Duration.ofMillis(100);

    /** What to do with one connection. */
    sealed interface Plan permits Answer, Hangup, Stream {
    }

    /** Answer with this HTTP status and body, then close. */
    record Answer(int status, String reason, String body) implements Plan {
    }

    /** Read the request, then close without a word: a network error. */
    record Hangup() implements Plan {
    }

    /** Answer 200 and send these lines (statuses filtered server-side), then end as told. */
    record Stream(List<String> lines, Ending ending) implements Plan {
    }

    enum Ending {
        /** Close the connection mid-stream. */
        DROP,
        /** Send nothing more, not even keep-alives, and keep the connection open. */
        SILENCE,
        /** Keep the connection open with a keep-alive every {@link #KEEP_ALIVE_EVERY}. */
        HOLD
    }

    /** One request as the endpoint saw it. */
    record Request(String method, String path, Map<String, String> form, Map<String, String> headers) {
    }

    private final ServerSocket server;
    private final BlockingQueue<Plan> plans = new LinkedBlockingQueue<>();
    private final java.util.List<Request> requests = new CopyOnWriteArrayList<>();
    private final java.util.List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final java.util.List<String> sent = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    private LocalStreamingEndpoint(ServerSocket server) {
        this.server = server;
        Thread acceptor = new Thread(this::accept, "endpoint-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static LocalStreamingEndpoint start() throws IOException {
        return new LocalStreamingEndpoint(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()));
    }

    /** What to give twitter4j as its stream base URL. */
    String baseUrl() {
        return "http://127.0.0.1:" + server.getLocalPort() + "/1.1/";
    }

    LocalStreamingEndpoint then(Plan... next) {
        plans.addAll(Arrays.asList(next));
        return this;
    }

    static Stream streaming(Ending ending, String... lines) {
        return new Stream(List.of(lines), ending);
    }

    static Answer answer(int status, String reason) {
        return new Answer(status, reason, "{\"errors\":[{\"code\":" + status + ",\"message\":\"" + reason + "\"}]}");
    }

    java.util.List<Request> requests() {
        return java.util.List.copyOf(requests);
    }

    /** Every message line written to any connection, in order. */
    java.util.List<String> sent() {
        return java.util.List.copyOf(sent);
    }

    void awaitRequests(int count, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (requests.size() < count && System.nanoTime() < deadline) {
            TimeUnit.MILLISECONDS.sleep(5);
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : sockets) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void accept() {
        while (!closed) {
            try {
                Socket socket = server.accept();
                sockets.add(socket);
                Thread serving = new Thread(() -> serve(socket), "endpoint-connection");
                serving.setDaemon(true);
                serving.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            Request request = read(in);
            requests.add(request);
            Plan plan = plans.poll();
            if (plan == null) {
                plan = new Stream(List.empty(), Ending.HOLD);
            }
            OutputStream out = socket.getOutputStream();
            if (!request.method().equals("POST") || !request.path().equals(FILTER_PATH)) {
                respond(out, new Answer(404, "Not Found", "{\"errors\":[{\"code\":34}]}"));
                return;
            }
            if (plan instanceof Answer answer) {
                respond(out, answer);
            } else if (plan instanceof Stream stream) {
                stream(socket, in, out, request, stream);
            }
            // A Hangup says nothing: try-with-resources closes the socket.
        } catch (IOException | InterruptedException e) {
            // The client went away, or the endpoint is closing: this connection is over either way.
        }
    }

    private void stream(Socket socket, InputStream in, OutputStream out, Request request, Stream plan)
            throws IOException, InterruptedException {
        TrackFilter filter = TrackFilter.of(split(request.form().get("track")), split(request.form().get("language")))
                .toEither().getOrElseThrow(problems -> new IllegalStateException("bad filter: " + problems));
        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        int written = 0;
        for (String line : plan.lines()) {
            StreamMessage message = V1Messages.read(line);
            if (message instanceof StreamMessage.Status status && !filter.matches(status.tweet())) {
                continue;
            }
            chunk(out, line + "\r\n");
            sent.add(line);
            if (++written % 3 == 0) {
                chunk(out, "\r\n");
            }
        }
        out.flush();
        switch (plan.ending()) {
            case DROP -> {
                // Closing without the final empty chunk: the client sees the stream break mid-way.
            }
            case SILENCE -> {
                socket.setSoTimeout(0);
                while (!closed && in.read() >= 0) {
                    // wait for the client to give up
                }
            }
            case HOLD -> {
                while (!closed) {
                    TimeUnit.MILLISECONDS.sleep(KEEP_ALIVE_EVERY.toMillis());
                    chunk(out, "\r\n");
                    out.flush();
                }
            }
        }
    }

    private static java.util.List<String> split(String value) {
        return value == null || value.isEmpty() ? java.util.List.of() : java.util.List.of(value.split(","));
    }

    private static void chunk(OutputStream out, String data) throws IOException {
        byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
        out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(bytes);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    private static void respond(OutputStream out, Answer answer) throws IOException {
        byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 " + answer.status() + " " + answer.reason() + "\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
    }

    private static Request read(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        while (matched < end.length) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("the request ended early");
            }
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
        String body = new String(in.readNBytes(length), StandardCharsets.UTF_8);
        Map<String, String> form = new LinkedHashMap<>();
        for (String pair : body.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                form.put(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return new Request(requestLine[0], requestLine.length > 1 ? requestLine[1] : "", form, headers);
    }
}
