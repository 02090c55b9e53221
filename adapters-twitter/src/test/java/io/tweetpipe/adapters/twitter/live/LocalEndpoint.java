package io.tweetpipe.adapters.twitter.live;

import io.vavr.collection.List;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
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
import java.util.function.UnaryOperator;

/**
 * What the local v1.1 and X endpoints share: HTTP/1.1 on loopback, a thread for each connection, and stream
 * connections scripted one by one: each takes the next {@link Plan}, and with none left the connection is held open
 * with keep-alives. A stream is chunked JSON, one message a line, {@code \r\n}-delimited, with a blank keep-alive line
 * after every third. Each endpoint reads its own requests and says which plan a connection plays.
 *
 * @param <R> a request as the endpoint records it
 */
abstract class LocalEndpoint<R> implements AutoCloseable {

    static final Duration KEEP_ALIVE_EVERY = Duration.ofMillis(100);

    /** What to do with one connection. */
    sealed interface Plan permits Answer, Hangup, Stream {
    }

    /** Answer with this HTTP status, headers and body, then close. */
    record Answer(int status, String reason, Map<String, String> headers, String body) implements Plan {
        Answer(int status, String reason, String body) {
            this(status, reason, Map.of(), body);
        }
    }

    /** Read the request, then close without a word: a network error. */
    record Hangup() implements Plan {
    }

    /** Answer 200 and send these lines (those the endpoint would send), then end as told. */
    record Stream(List<String> lines, Ending ending) implements Plan {
    }

    enum Ending {
        /** Close the connection mid-stream, without the final chunk. */
        DROP,
        /** Send nothing more, not even keep-alives, and keep the connection open. */
        SILENCE,
        /** Keep the connection open with a keep-alive every {@link #KEEP_ALIVE_EVERY}. */
        HOLD
    }

    /** A request as read off the socket: the request line's method and target, the headers (lower-cased), the body. */
    record Received(String method, String target, Map<String, String> headers, String body) {
    }

    private final ServerSocket server;
    private final String name;
    private final BlockingQueue<Plan> plans = new LinkedBlockingQueue<>();
    private final java.util.List<R> requests = new CopyOnWriteArrayList<>();
    private final java.util.List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final java.util.List<String> sent = new CopyOnWriteArrayList<>();
    private volatile boolean closed;

    LocalEndpoint(String name) throws IOException {
        this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.name = name;
    }

    /** Starts taking connections; the last step of a subclass's constructor, so that it is whole before any comes. */
    final void listen() {
        Thread acceptor = new Thread(this::accept, name + "-accept-" + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    final String origin() {
        return "http://127.0.0.1:" + server.getLocalPort();
    }

    /** Plans for the next stream connections, in order. */
    LocalEndpoint<R> then(Plan... next) {
        plans.addAll(Arrays.asList(next));
        return this;
    }

    static Stream streaming(Ending ending, String... lines) {
        return new Stream(List.of(lines), ending);
    }

    java.util.List<R> requests() {
        return java.util.List.copyOf(requests);
    }

    /** Every message line written to a stream connection, as written, in order. */
    java.util.List<String> sent() {
        return java.util.List.copyOf(sent);
    }

    /** The request as this endpoint records it. */
    abstract R request(Received received);

    /** Answers one request, on its connection's thread. */
    abstract void serve(R request, Connection connection) throws IOException, InterruptedException;

    /** The next stream connection's plan: hold the connection open with nothing to send when there is none. */
    final Plan nextPlan() {
        Plan plan = plans.poll();
        return plan == null ? new Stream(List.empty(), Ending.HOLD) : plan;
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
                Thread serving = new Thread(() -> serve(socket), name + "-connection");
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
            R request = request(read(in));
            requests.add(request);
            serve(request, new Connection(socket, in, socket.getOutputStream()));
            // Whatever was not answered (a Hangup) says nothing: try-with-resources closes the socket.
        } catch (IOException | InterruptedException e) {
            // The client went away, or the endpoint is closing: this connection is over either way.
        }
    }

    /** One connection being served. */
    final class Connection {
        private final Socket socket;
        private final InputStream in;
        private final OutputStream out;

        private Connection(Socket socket, InputStream in, OutputStream out) {
            this.socket = socket;
            this.in = in;
            this.out = out;
        }

        /** Answers or streams as the plan says; a Hangup says nothing. */
        void play(Plan plan, UnaryOperator<String> outgoing) throws IOException, InterruptedException {
            if (plan instanceof Answer answer) {
                respond(answer);
            } else if (plan instanceof Stream stream) {
                stream(stream, outgoing);
            }
        }

        void respond(Answer answer) throws IOException {
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            StringBuilder head = new StringBuilder("HTTP/1.1 " + answer.status() + " " + answer.reason()
                    + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\nConnection: close\r\n");
            answer.headers().forEach((header, value) -> head.append(header).append(": ").append(value).append("\r\n"));
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }

        /** Answers 200 and sends each line as {@code outgoing} turns it (null: not sent), then ends as planned. */
        private void stream(Stream plan, UnaryOperator<String> outgoing) throws IOException, InterruptedException {
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    + "Connection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            int written = 0;
            for (String line : plan.lines()) {
                String sending = outgoing.apply(line);
                if (sending == null) {
                    continue;
                }
                chunk(sending + "\r\n");
                sent.add(sending);
                if (++written % 3 == 0) {
                    chunk("\r\n");
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
                        chunk("\r\n");
                        out.flush();
                    }
                }
            }
        }

        private void chunk(String data) throws IOException {
            byte[] bytes = data.getBytes(StandardCharsets.UTF_8);
            out.write((Integer.toHexString(bytes.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }

    private static Received read(InputStream in) throws IOException {
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
        return new Received(requestLine[0], requestLine.length > 1 ? requestLine[1] : "", headers, body);
    }
}
